using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>x in (a, b, ...)</c>, <c>!in</c>, <c>in~</c>, <c>!in~</c> and <c>has_any</c>/<c>has_all</c>: argument 0 is
/// the tested value, the others the list. A null tested value is never in the list (so <c>!in</c> is true).
/// </summary>
internal sealed class InListFunction(string name, InListFunction.Mode mode, bool negated) : OperatorFunction(name)
{
    public enum Mode
    {
        Equal,
        EqualIgnoreCase,
        HasAny,
        HasAll,
    }

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var value = arguments[0];
        var list = arguments[1..];
        var output = result.Bool.AsSpan(0, rowCount);
        if (value.Kind == PhysicalKind.String)
        {
            var comparer = mode == Mode.Equal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
            HashSet<string>? constants = null;
            if (AllConstant(list) && mode is Mode.Equal or Mode.EqualIgnoreCase)
            {
                constants = new HashSet<string>(comparer);
                foreach (var item in list)
                {
                    constants.Add(item.GetString(0));
                }
            }

            for (var i = 0; i < rowCount; i++)
            {
                var text = value.GetString(i);
                bool found;
                if (constants is not null)
                {
                    found = constants.Contains(text);
                }
                else if (mode == Mode.HasAll)
                {
                    found = true;
                    foreach (var item in list)
                    {
                        found &= StringMatching.Has(text, item.GetString(i), StringComparison.OrdinalIgnoreCase);
                    }
                }
                else
                {
                    found = false;
                    foreach (var item in list)
                    {
                        var needle = item.GetString(i);
                        found |= mode == Mode.HasAny
                            ? StringMatching.Has(text, needle, StringComparison.OrdinalIgnoreCase)
                            : comparer.Equals(text, needle);
                    }
                }

                output[i] = found != negated;
            }

            return;
        }

        for (var i = 0; i < rowCount; i++)
        {
            var found = false;
            if (!value.IsNull(i))
            {
                foreach (var item in list)
                {
                    if (!item.IsNull(i) && SameValue(value, item, i))
                    {
                        found = true;
                        break;
                    }
                }
            }

            output[i] = found != negated;
        }
    }

    private static bool AllConstant(ReadOnlySpan<ColumnVector> list)
    {
        foreach (var item in list)
        {
            if (!item.IsConstant || item.Kind != PhysicalKind.String)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(ColumnVector a, ColumnVector b, int row)
    {
        if (VectorKernels.IsNumericKind(a.Kind) && VectorKernels.IsNumericKind(b.Kind))
        {
            if (a.Kind == PhysicalKind.Int64 && b.Kind == PhysicalKind.Int64)
            {
                return a.Int64[row] == b.Int64[row];
            }

            return ToReal(a, row) == ToReal(b, row);
        }

        return a.Kind == b.Kind && a.GetValue(row).Equals(b.GetValue(row));
    }

    private static double ToReal(ColumnVector v, int row) => v.Kind switch
    {
        PhysicalKind.Int64 => v.Int64[row],
        PhysicalKind.Real => v.Real[row],
        _ => (double)v.Decimal[row],
    };
}
