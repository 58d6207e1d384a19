using System.Runtime.CompilerServices;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>A comparison operator as a struct, so kernels specialise per operator without virtual calls.</summary>
internal interface IComparison
{
    /// <summary>The operator's result given <c>left.CompareTo(right)</c>.</summary>
    static abstract bool Test(int compare);

    /// <summary>0: ordering comparison (null operand gives null); 1: <c>==</c>; 2: <c>!=</c> (see <see cref="KqlLogic"/>).</summary>
    static abstract int NullRule { get; }
}

internal readonly struct EqualOp : IComparison
{
    public static bool Test(int compare) => compare == 0;

    public static int NullRule => 1;
}

internal readonly struct NotEqualOp : IComparison
{
    public static bool Test(int compare) => compare != 0;

    public static int NullRule => 2;
}

internal readonly struct LessOp : IComparison
{
    public static bool Test(int compare) => compare < 0;

    public static int NullRule => 0;
}

internal readonly struct LessOrEqualOp : IComparison
{
    public static bool Test(int compare) => compare <= 0;

    public static int NullRule => 0;
}

internal readonly struct GreaterOp : IComparison
{
    public static bool Test(int compare) => compare > 0;

    public static int NullRule => 0;
}

internal readonly struct GreaterOrEqualOp : IComparison
{
    public static bool Test(int compare) => compare >= 0;

    public static int NullRule => 0;
}

/// <summary>
/// <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> over numbers (promoted to the wider
/// kind), datetimes, timespans, bools, guids and strings (ordinal), with Kusto's null rules.
/// </summary>
internal sealed class ComparisonFunction<TOp>(string name) : OperatorFunction(name)
    where TOp : struct, IComparison
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var left = arguments[0];
        var right = arguments[1];
        var output = result.Bool.AsSpan(0, rowCount);
        var kind = VectorKernels.IsNumericKind(left.Kind) && VectorKernels.IsNumericKind(right.Kind)
            ? VectorKernels.CommonNumericKind(left.Kind, right.Kind)
            : left.Kind;
        switch (kind)
        {
            case PhysicalKind.Int64 when left.Kind == PhysicalKind.Int64 && right.Kind == PhysicalKind.Int64:
                Compare(left.Int64.AsSpan(0, rowCount), right.Int64.AsSpan(0, rowCount), output);
                break;
            case PhysicalKind.Real:
            {
                double[]? l = null, r = null;
                Compare(VectorKernels.AsReal(left, rowCount, ref l), VectorKernels.AsReal(right, rowCount, ref r), output);
                VectorKernels.Return(l);
                VectorKernels.Return(r);
                break;
            }

            case PhysicalKind.Decimal:
            {
                decimal[]? l = null, r = null;
                Compare(VectorKernels.AsDecimal(left, rowCount, ref l), VectorKernels.AsDecimal(right, rowCount, ref r), output);
                VectorKernels.Return(l);
                VectorKernels.Return(r);
                break;
            }

            case PhysicalKind.Bool:
                Compare(left.Bool.AsSpan(0, rowCount), right.Bool.AsSpan(0, rowCount), output);
                break;
            case PhysicalKind.Guid:
                Compare(left.Guid.AsSpan(0, rowCount), right.Guid.AsSpan(0, rowCount), output);
                break;
            case PhysicalKind.String:
                CompareStrings(left, right, output);
                break;
            default:
                for (var i = 0; i < rowCount; i++)
                {
                    var a = left.Dynamic[i] ?? DynamicValue.Null;
                    var b = right.Dynamic[i] ?? DynamicValue.Null;
                    output[i] = TOp.Test(a.Equals(b) ? 0 : 1);
                }

                break;
        }

        ApplyNulls(left, right, result, rowCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Compare<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<bool> output)
        where T : IComparable<T>
    {
        for (var i = 0; i < output.Length && i < left.Length && i < right.Length; i++)
        {
            output[i] = TOp.Test(left[i].CompareTo(right[i]));
        }
    }

    private static void Compare(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<bool> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            // IEEE comparisons: NaN is neither less, greater nor equal.
            var a = left[i];
            var b = right[i];
            output[i] = double.IsNaN(a) || double.IsNaN(b) ? TOp.NullRule == 2 : TOp.Test(a < b ? -1 : a > b ? 1 : 0);
        }
    }

    private static void CompareStrings(ColumnVector left, ColumnVector right, Span<bool> output)
    {
        if (left.IsDictionaryEncoded && right.IsConstant)
        {
            // One comparison per distinct value, then a lookup per row.
            var dictionary = left.Dictionary!;
            var needle = right.GetString(0);
            var perCode = new bool[dictionary.Count];
            for (var c = 0; c < perCode.Length; c++)
            {
                perCode[c] = TOp.Test(string.CompareOrdinal(dictionary[c], needle));
            }

            var empty = TOp.Test(string.CompareOrdinal(string.Empty, needle));
            var codes = left.Codes;
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = left.IsNull(i) ? empty : perCode[codes[i]];
            }

            return;
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = TOp.Test(string.CompareOrdinal(left.GetString(i), right.GetString(i)));
        }
    }

    private static void ApplyNulls(ColumnVector left, ColumnVector right, ColumnVector result, int rowCount)
    {
        var leftNulls = left.HasNulls && left.Kind != PhysicalKind.String;
        var rightNulls = right.HasNulls && right.Kind != PhysicalKind.String;
        if (!leftNulls && !rightNulls)
        {
            return;
        }

        for (var i = 0; i < rowCount; i++)
        {
            var ln = leftNulls && left.IsNull(i);
            var rn = rightNulls && right.IsNull(i);
            if (!ln && !rn)
            {
                continue;
            }

            var value = TOp.NullRule switch
            {
                1 => KqlLogic.Equal(ln, rn, false),
                2 => KqlLogic.NotEqual(ln, rn, false),
                _ => (bool?)null,
            };
            if (value is { } v)
            {
                result.Bool[i] = v;
            }
            else
            {
                result.SetNull(i);
            }
        }
    }
}
