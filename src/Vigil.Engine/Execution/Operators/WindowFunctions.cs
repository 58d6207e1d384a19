using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// The window functions' kernels over whole columns in row order (Kusto's semantics): <c>row_number</c>,
/// <c>row_cumsum</c>, <c>row_rank_dense</c>/<c>row_rank</c>, <c>row_rank_min</c>, <c>row_window_session</c>, <c>prev</c>, <c>next</c>.
/// A true <c>restart</c> argument starts the numbering, sum, ranking or session again at that row.
/// </summary>
internal static class WindowFunctions
{
    public static bool IsWindowFunction(string name) =>
        name is "row_number" or "row_cumsum" or "row_rank" or "row_rank_dense" or "row_rank_min" or "row_window_session" or "prev" or "next";

    public static ColumnVector Compute(string function, ColumnVector[] arguments, ScalarType type, int count)
    {
        var result = new ColumnVector(type, Math.Max(count, 1));
        result.Reset(count);
        switch (function)
        {
            case "row_number":
                RowNumber(arguments, result, count);
                break;
            case "row_cumsum":
                CumulativeSum(arguments, result, count);
                break;
            case "row_rank" or "row_rank_dense":
                Rank(arguments, result, count, dense: true);
                break;
            case "row_rank_min":
                Rank(arguments, result, count, dense: false);
                break;
            case "row_window_session":
                Session(arguments, result, count);
                break;
            case "prev" or "next":
                Shift(arguments, result, count, function == "prev" ? -1 : 1);
                break;
            default:
                result.Dispose();
                throw QueryException.NotSupported($"The window function '{function}'");
        }

        return result;
    }

    private static bool Restarts(ColumnVector[] arguments, int index, int row) =>
        arguments.Length > index && !arguments[index].IsNull(row) && arguments[index].Bool[row];

    private static void RowNumber(ColumnVector[] arguments, ColumnVector result, int count)
    {
        var start = arguments.Length > 0 && count > 0 && !arguments[0].IsNull(0) ? arguments[0].Int64[0] : 1;
        var value = start;
        for (var i = 0; i < count; i++)
        {
            value = i == 0 || Restarts(arguments, 1, i) ? start : value + 1;
            result.Int64[i] = value;
        }
    }

    private static void CumulativeSum(ColumnVector[] arguments, ColumnVector result, int count)
    {
        var term = arguments[0];
        switch (result.Kind)
        {
            case PhysicalKind.Real:
            {
                var sum = 0.0;
                for (var i = 0; i < count; i++)
                {
                    sum = Restarts(arguments, 1, i) ? 0 : sum;
                    sum += term.IsNull(i) ? 0 : term.Kind == PhysicalKind.Real ? term.Real[i] : term.Int64[i];
                    result.Real[i] = sum;
                }

                break;
            }

            case PhysicalKind.Decimal:
            {
                var sum = 0m;
                for (var i = 0; i < count; i++)
                {
                    sum = Restarts(arguments, 1, i) ? 0 : sum;
                    sum += term.IsNull(i) ? 0 : term.Decimal[i];
                    result.Decimal[i] = sum;
                }

                break;
            }

            case PhysicalKind.Int64:
            {
                var sum = 0L;
                for (var i = 0; i < count; i++)
                {
                    sum = Restarts(arguments, 1, i) ? 0 : sum;
                    sum = unchecked(sum + (term.IsNull(i) ? 0 : term.Int64[i]));
                    result.Int64[i] = sum;
                }

                break;
            }

            default:
                throw QueryException.NotSupported($"row_cumsum of {TypeFacts.GetName(result.Type)}");
        }
    }

    /// <summary>
    /// Dense rank: +1 whenever the term differs from the previous row's. Min rank: a row equal to the previous one
    /// shares its rank, otherwise its rank is its position since the last restart.
    /// </summary>
    private static void Rank(ColumnVector[] arguments, ColumnVector result, int count, bool dense)
    {
        var term = arguments[0];
        long rank = 0, position = 0;
        var previous = default(ScalarValue);
        for (var i = 0; i < count; i++)
        {
            var value = term.GetValue(i);
            var restart = i == 0 || Restarts(arguments, 1, i);
            position = restart ? 1 : position + 1;
            if (restart)
            {
                rank = 1;
            }
            else if (!value.Equals(previous))
            {
                rank = dense ? rank + 1 : position;
            }

            result.Int64[i] = rank;
            previous = value;
        }
    }

    /// <summary>
    /// A row starts a new session when there is no session yet (or the last value was null), when it is at least
    /// MaxDistanceFromFirst after the session's start or MaxDistanceBetweenNeighbors after the previous value, or
    /// when restart is true. Each row gets its session's first value; a null value gives null.
    /// </summary>
    private static void Session(ColumnVector[] arguments, ColumnVector result, int count)
    {
        var values = arguments[0];
        long? start = null, previous = null;
        for (var i = 0; i < count; i++)
        {
            if (values.IsNull(i))
            {
                result.SetNull(i);
                start = previous = null;
                continue;
            }

            var value = values.Int64[i];
            var fromFirst = arguments[1].IsNull(i) ? long.MaxValue : arguments[1].Int64[i];
            var between = arguments[2].IsNull(i) ? long.MaxValue : arguments[2].Int64[i];
            if (start is not { } s || previous is not { } p || Restarts(arguments, 3, i)
                || value - s >= fromFirst || value - p >= between)
            {
                start = value;
            }

            previous = value;
            result.Int64[i] = start.Value;
        }
    }

    /// <summary>prev/next: the value <c>offset</c> rows before/after, or the default (null when none) past the ends.</summary>
    private static void Shift(ColumnVector[] arguments, ColumnVector result, int count, int direction)
    {
        var source = arguments[0];
        var offset = arguments.Length > 1 && count > 0 && !arguments[1].IsNull(0) ? arguments[1].Int64[0] : 1;
        for (var i = 0; i < count; i++)
        {
            var from = i + (direction * offset);
            if (from >= 0 && from < count)
            {
                result.CopyRow(i, source, (int)from);
            }
            else if (arguments.Length > 2)
            {
                result.CopyRow(i, arguments[2], i);
            }
            else
            {
                result.SetValue(i, ScalarValue.Null(result.Type));
            }
        }
    }
}
