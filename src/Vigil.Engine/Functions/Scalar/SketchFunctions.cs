using Vigil.Engine.Execution;
using Vigil.Engine.Functions.Aggregates;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>hll_merge(h1, h2, ...)</c>: the union of hll() sketches; null when an argument is not a sketch.</summary>
internal sealed class HllMergeFunction() : RowFunction("hll_merge")
{
    protected override bool PropagatesNulls => false;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        HyperLogLog? result = null;
        foreach (var argument in arguments)
        {
            if (argument.IsNull)
            {
                continue;
            }

            if (!HyperLogLog.TryFromDynamic(argument.Dynamic, out var sketch))
            {
                return ScalarValue.Null(ScalarType.Dynamic);
            }

            if (result is null)
            {
                result = sketch;
            }
            else
            {
                result.Merge(sketch);
            }
        }

        return result is null ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(result.ToDynamic());
    }
}

/// <summary><c>dcount_hll(h)</c>: the distinct count an hll() sketch estimates; null for anything else.</summary>
internal sealed class DcountHllFunction() : RowFunction("dcount_hll")
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context) =>
        HyperLogLog.TryFromDynamic(arguments[0].Dynamic, out var sketch) ? ScalarValue.FromLong(sketch.Count()) : ScalarValue.Null(ScalarType.Long);
}

/// <summary><c>merge_tdigest(d1, d2, ...)</c> / <c>tdigest_merge</c>: one digest from several; null when an argument is not a digest.</summary>
internal sealed class TDigestMergeFunction(string name) : RowFunction(name)
{
    protected override bool PropagatesNulls => false;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        TDigest? result = null;
        foreach (var argument in arguments)
        {
            if (argument.IsNull)
            {
                continue;
            }

            if (!TDigest.TryFromDynamic(argument.Dynamic, out var digest))
            {
                return ScalarValue.Null(ScalarType.Dynamic);
            }

            if (result is null)
            {
                result = digest;
            }
            else
            {
                result.Merge(digest);
            }
        }

        return result is null ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(result.ToDynamic());
    }
}

/// <summary>
/// <c>percentile_tdigest(d, p [, typeof(T)])</c> (one value, of T or as dynamic) and
/// <c>percentiles_array_tdigest(d, p1, ...)</c> / <c>(d, dynamic([p1, ...]))</c> (a dynamic array).
/// </summary>
internal sealed class PercentileTDigestFunction(string name, ScalarType resultType, bool asArray) : RowFunction(name)
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        if (!TDigest.TryFromDynamic(arguments[0].Dynamic, out var digest))
        {
            return ScalarValue.Null(resultType);
        }

        if (!asArray)
        {
            return TryPercent(arguments[1], out var p) && digest.Percentile(p) is { } offset
                ? PercentileAggregator.ValueOf(digest, offset, resultType)
                : ScalarValue.Null(resultType);
        }

        var items = new List<DynamicValue>();
        for (var i = 1; i < arguments.Length; i++)
        {
            if (arguments[i].Type == ScalarType.Dynamic && arguments[i].Dynamic.Kind == DynamicKind.Array)
            {
                foreach (var item in arguments[i].Dynamic.ArrayItems)
                {
                    items.Add(DynamicConversions.TryToReal(item, out var p) ? Value(digest, p) : DynamicValue.Null);
                }
            }
            else
            {
                items.Add(TryPercent(arguments[i], out var p) ? Value(digest, p) : DynamicValue.Null);
            }
        }

        return ScalarValue.FromDynamic(DynamicValue.FromArray([.. items]));
    }

    private static DynamicValue Value(TDigest digest, double percent) =>
        percent is >= 0 and <= 100 && digest.Percentile(percent) is { } offset ? digest.ToDynamicValue(offset) : DynamicValue.Null;

    private static bool TryPercent(ScalarValue value, out double percent)
    {
        percent = value.Type switch
        {
            ScalarType.Int or ScalarType.Long => value.Int64,
            ScalarType.Real => value.Real,
            ScalarType.Decimal => (double)value.Decimal,
            _ => double.NaN,
        };
        return !value.IsNull && percent is >= 0 and <= 100;
    }
}

/// <summary>
/// <c>rank_tdigest(d, v)</c>: the (estimated) number of values less than or equal to v; <c>percentrank_tdigest(d, v)</c>:
/// that number as a percentage of all values.
/// </summary>
internal sealed class RankTDigestFunction(string name, bool percent) : RowFunction(name)
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        if (!TDigest.TryFromDynamic(arguments[0].Dynamic, out var digest) || digest.IsEmpty)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var value = arguments[1];
        double offset;
        switch (value.Type)
        {
            case ScalarType.Int or ScalarType.Long or ScalarType.DateTime or ScalarType.TimeSpan:
                offset = digest.ToOffset(value.Int64, value.Int64);
                break;
            case ScalarType.Real:
                offset = digest.ToOffset(value.Real, (long)Math.Round(value.Real));
                break;
            case ScalarType.Decimal:
                offset = digest.ToOffset((double)value.Decimal, (long)Math.Round(value.Decimal));
                break;
            default:
                return ScalarValue.Null(ScalarType.Real);
        }

        var rank = digest.Rank(offset);
        return ScalarValue.FromReal(percent ? rank * 100 / digest.TotalWeight : rank);
    }
}
