using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;
using Vigil.Storage;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>One row's value from its arguments (already converted to the types the registration asked for).</summary>
internal delegate ScalarValue RowKernel(ReadOnlySpan<ScalarValue> arguments);

/// <summary>
/// A <see cref="RowFunction"/> whose rule is a static method: the long tail of string, encoding and network functions,
/// where each function is a few lines of per-row logic kept beside its family (see <c>StringKernels</c>,
/// <c>NetworkKernels</c>). When the only varying argument is a dictionary-encoded string column (the others
/// constant), a deterministic kernel runs once per distinct value, remembered across batches of that dictionary.
/// </summary>
internal sealed class KernelFunction(string name, RowKernel kernel, bool propagatesNulls = true, bool deterministic = true) : RowFunction(name)
{
    /// <summary>Results by dictionary code (null: not computed yet); boxes so concurrent readers never see a torn value.</summary>
    private sealed record Memo(StringDictionary Dictionary, StrongBox<ScalarValue>?[] Results);

    private Memo? _memo;

    protected override bool PropagatesNulls => propagatesNulls;

    public override bool IsDeterministic => deterministic;

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        try
        {
            var varying = deterministic ? SingleDictionaryArgument(arguments) : -1;
            if (varying < 0)
            {
                base.Evaluate(arguments, result, rowCount, context);
            }
            else
            {
                EvaluatePerValue(arguments, varying, result, rowCount);
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            throw RegexCache.TimedOut(Name, e);
        }
    }

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context) => kernel(arguments);

    /// <summary>The index of the one dictionary-encoded argument when every other argument is constant, else -1.</summary>
    private static int SingleDictionaryArgument(ReadOnlySpan<ColumnVector> arguments)
    {
        var found = -1;
        for (var a = 0; a < arguments.Length; a++)
        {
            if (arguments[a].IsConstant)
            {
                continue;
            }

            if (found >= 0 || !arguments[a].IsDictionaryEncoded)
            {
                return -1;
            }

            found = a;
        }

        return found;
    }

    private void EvaluatePerValue(ReadOnlySpan<ColumnVector> arguments, int varying, ColumnVector result, int rowCount)
    {
        var text = arguments[varying];
        var dictionary = text.Dictionary!;
        var memo = _memo;
        if (memo is null || !ReferenceEquals(memo.Dictionary, dictionary))
        {
            memo = new Memo(dictionary, new StrongBox<ScalarValue>?[dictionary.Count]);
            _memo = memo;
        }

        var values = new ScalarValue[arguments.Length];
        for (var a = 0; a < arguments.Length; a++)
        {
            values[a] = a == varying ? default : arguments[a].GetValue(0);
        }

        var codes = text.Codes;
        var results = memo.Results;
        for (var row = 0; row < rowCount; row++)
        {
            if (text.IsNull(row) || (uint)codes[row] >= (uint)results.Length)
            {
                values[varying] = text.GetValue(row);
                result.SetValue(row, Row(values, result.Type));
                continue;
            }

            var cached = results[codes[row]];
            if (cached is null)
            {
                values[varying] = text.GetValue(row);
                cached = new StrongBox<ScalarValue>(Row(values, result.Type));
                results[codes[row]] = cached;
            }

            result.SetValue(row, cached.Value);
        }
    }

    /// <summary>One row as <see cref="RowFunction"/> computes it: null when a non-string argument is null and nulls propagate.</summary>
    private ScalarValue Row(ReadOnlySpan<ScalarValue> values, ScalarType type)
    {
        if (propagatesNulls)
        {
            foreach (var value in values)
            {
                if (value.IsNull && value.Type != ScalarType.String)
                {
                    return ScalarValue.Null(type);
                }
            }
        }

        return kernel(values);
    }
}
