using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// Feeds one <see cref="TDigest"/> per group: argument 0 is the value, argument 1 (when weighted) the integer weight;
/// rows with a null value or a null or non-positive weight are skipped.
/// </summary>
internal abstract class DigestAggregator(ScalarType valueType, bool weighted) : Aggregator
{
    private TDigest?[] _digests = [];

    protected ScalarType ValueType { get; } = valueType;

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        var weights = weighted ? arguments[1] : null;
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _digests, g);
            var row = rows[i];
            if (values.IsNull(row))
            {
                continue;
            }

            var weight = 1.0;
            if (weights is not null)
            {
                if (!NumericInput.TryRead(weights, row, out weight) || weight <= 0)
                {
                    continue;
                }
            }

            var digest = _digests[g] ??= new TDigest(ValueType);
            switch (values.Kind)
            {
                case PhysicalKind.Int64:
                    digest.AddTicks(values.Int64[row], weight);
                    break;
                case PhysicalKind.Real:
                    digest.AddReal(values.Real[row], weight);
                    break;
                case PhysicalKind.Decimal:
                    digest.AddReal((double)values.Decimal[row], weight);
                    break;
            }
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var digests = ((DigestAggregator)other)._digests;
        for (var g = 0; g < groupMap.Length && g < digests.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _digests, t);
            if (digests[g] is { IsEmpty: false } theirs)
            {
                (_digests[t] ??= new TDigest(ValueType)).Merge(theirs);
            }
        }
    }

    protected TDigest? DigestOf(int group)
    {
        Ensure(ref _digests, group);
        return _digests[group] is { IsEmpty: false } digest ? digest : null;
    }

    /// <summary>Whether the percentile aggregates can summarize values of <paramref name="type"/>.</summary>
    public static bool Supports(ScalarType type) =>
        type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal or ScalarType.DateTime or ScalarType.TimeSpan;
}

/// <summary>
/// percentile, percentiles, percentilew, percentilesw (one output column per requested percentile, typed as the binder
/// says) and percentiles_array, percentilesw_array (one dynamic array). Nearest-rank percentiles over a
/// <see cref="TDigest"/>; a group without values gives null.
/// </summary>
internal sealed class PercentileAggregator(ScalarType valueType, bool weighted, double[] percents, bool asArray)
    : DigestAggregator(valueType, weighted)
{
    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        for (var g = 0; g < groupCount; g++)
        {
            var digest = DigestOf(g);
            if (asArray)
            {
                if (digest is null)
                {
                    outputs[0].AppendValue(ScalarValue.Null(ScalarType.Dynamic));
                    continue;
                }

                var items = new DynamicValue[percents.Length];
                for (var p = 0; p < percents.Length; p++)
                {
                    items[p] = digest.Percentile(percents[p]) is { } offset ? digest.ToDynamicValue(offset) : DynamicValue.Null;
                }

                outputs[0].AppendValue(ScalarValue.FromDynamic(DynamicValue.FromArray(items)));
                continue;
            }

            for (var p = 0; p < percents.Length; p++)
            {
                var output = outputs[p];
                output.AppendValue(digest?.Percentile(percents[p]) is { } offset ? ValueOf(digest, offset, output.Type) : ScalarValue.Null(output.Type));
            }
        }
    }

    /// <summary>A digest offset as a value of <paramref name="type"/>.</summary>
    public static ScalarValue ValueOf(TDigest digest, double offset, ScalarType type) => type switch
    {
        ScalarType.Real => ScalarValue.FromReal(digest.IsInteger ? digest.ToTicks(offset) : offset),
        ScalarType.Decimal => ScalarValue.FromDecimal((decimal)offset),
        ScalarType.Int => ScalarValue.FromInt64(ScalarType.Int, (int)(digest.IsInteger ? digest.ToTicks(offset) : Math.Round(offset))),
        ScalarType.Long or ScalarType.DateTime or ScalarType.TimeSpan =>
            ScalarValue.FromInt64(type, digest.IsInteger ? digest.ToTicks(offset) : (long)Math.Round(offset)),
        ScalarType.Dynamic => ScalarValue.FromDynamic(digest.ToDynamicValue(offset)),
        _ => ScalarValue.Null(type),
    };
}

/// <summary><c>tdigest(x [, weight])</c>: the group's digest as a dynamic value (null without values).</summary>
internal sealed class TDigestAggregator(ScalarType valueType, bool weighted) : DigestAggregator(valueType, weighted)
{
    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        for (var g = 0; g < groupCount; g++)
        {
            outputs[0].AppendValue(DigestOf(g) is { } digest ? ScalarValue.FromDynamic(digest.ToDynamic()) : ScalarValue.Null(ScalarType.Dynamic));
        }
    }
}

/// <summary><c>merge_tdigest(digest)</c> / <c>tdigest_merge</c>: one digest from the group's digests (values that are not digests are skipped).</summary>
internal sealed class TDigestMergeAggregator : Aggregator
{
    private TDigest?[] _digests = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _digests, g);
            if (!arguments[0].IsNull(rows[i]) && TDigest.TryFromDynamic(ConvertFunction.ToDynamic(arguments[0], rows[i]), out var digest))
            {
                if (_digests[g] is { } existing)
                {
                    existing.Merge(digest);
                }
                else
                {
                    _digests[g] = digest;
                }
            }
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var digests = ((TDigestMergeAggregator)other)._digests;
        for (var g = 0; g < groupMap.Length && g < digests.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _digests, t);
            if (digests[g] is { IsEmpty: false } theirs)
            {
                if (_digests[t] is { } mine)
                {
                    mine.Merge(theirs);
                }
                else
                {
                    TDigest.TryFromDynamic(theirs.ToDynamic(), out var copy);
                    _digests[t] = copy;
                }
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _digests, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            outputs[0].AppendValue(_digests[g] is { IsEmpty: false } digest ? ScalarValue.FromDynamic(digest.ToDynamic()) : ScalarValue.Null(ScalarType.Dynamic));
        }
    }
}
