using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Names of the window columns hidden below an operator (never a name a query can write).</summary>
    private const string HiddenWindowPrefix = "\u0001window";

    /// <summary>Input columns a query can see: the hidden window columns come last and are not counted.</summary>
    private static int VisibleCount(TableSchema schema)
    {
        var count = schema.Count;
        while (count > 0 && schema.Columns[count - 1].Name.StartsWith(HiddenWindowPrefix, StringComparison.Ordinal))
        {
            count--;
        }

        return count;
    }

    /// <summary>The window function calls written directly in <paramref name="op"/> (not in its subqueries), inner calls first.</summary>
    private List<FunctionCallExpression> WindowCallsOf(QueryOperator op)
    {
        var calls = new List<FunctionCallExpression>();
        foreach (var element in op.DescendantsAndSelf())
        {
            if (element is FunctionCallExpression call
                && _bound.GetInfo(call)?.ReferencedFunction?.Kind == FunctionKind.Window
                && (_substitutions is null || !_substitutions.ContainsKey(call))
                && NearestOperator(call) == op)
            {
                calls.Add(call);
            }
        }

        // Pre-order reversed puts every call after the calls nested in it.
        calls.Reverse();
        return calls;
    }

    private static QueryOperator? NearestOperator(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QueryOperator op)
            {
                return op;
            }
        }

        return null;
    }

    /// <summary>
    /// An operator using window functions: a <see cref="LogicalWindow"/> below it computes each call as a hidden
    /// column, the operator reads those columns in place of the calls, and a projection drops them afterwards.
    /// </summary>
    private LogicalOperator PlanWithWindows(QueryOperator op, LogicalOperator input, List<FunctionCallExpression> calls)
    {
        var saved = _substitutions;
        _substitutions = saved is null ? [] : new Dictionary<SyntaxNode, ScalarExpr>(saved);
        try
        {
            var windows = new List<WindowCall>();
            var columns = new List<ColumnSymbol>(input.Schema.Columns);
            foreach (var call in calls)
            {
                var visible = new TableSchema(columns);
                var name = call.Name.SimpleName;
                var type = PlanTypes.Normalize(_bound.GetType(call));
                var arguments = new ScalarExpr[call.Arguments.Count];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = PlanScalar(Unname(call.Arguments[i]).Expression, visible);
                }

                arguments = WindowArguments(name, arguments, type);
                var output = new ColumnSymbol(HiddenWindowPrefix + windows.Count, type);
                _substitutions[call] = new ColumnExpr(columns.Count, output.Name, type);
                windows.Add(new WindowCall(name, arguments, output));
                columns.Add(output);
            }

            var widened = new LogicalWindow(input, windows);
            var planned = PlanOperatorCore(op, widened);
            var expected = _bound.GetSchema(op);
            return expected is not null && planned.Schema.Count != expected.Count ? SelectByName(planned, expected, renames: null) : planned;
        }
        finally
        {
            _substitutions = saved;
        }
    }

    /// <summary>Arguments converted to the types the kernels read (long offsets and starts, bool restarts, the result type for values).</summary>
    private static ScalarExpr[] WindowArguments(string name, ScalarExpr[] arguments, ScalarType type)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var target = (name, i) switch
            {
                ("row_number", 0) => ScalarType.Long,
                ("row_number", 1) or ("row_cumsum", 1) or ("row_rank" or "row_rank_dense" or "row_rank_min", 1) => ScalarType.Bool,
                ("row_window_session", 3) => ScalarType.Bool,
                ("row_window_session", 0) => ScalarType.DateTime,
                ("row_window_session", _) => ScalarType.TimeSpan,
                ("prev" or "next", 1) => ScalarType.Long,
                ("prev" or "next", _) => type,
                ("row_cumsum", 0) => type,
                _ => arguments[i].Type,
            };
            arguments[i] = FunctionRegistry.Convert(arguments[i], target);
        }

        return arguments;
    }

    /// <summary><c>serialize [name = expr, ...]</c>: marks the rows serialized; with expressions it extends like <c>extend</c>.</summary>
    private LogicalOperator PlanSerialize(SerializeOperator serialize, LogicalOperator input, TableSchema output)
    {
        if (serialize.Expressions.Count == 0)
        {
            return input;
        }

        var columns = new List<NamedExpr>();
        foreach (var column in input.Schema.Columns)
        {
            columns.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
        }

        var nextNew = VisibleCount(input.Schema);
        foreach (var item in serialize.Expressions)
        {
            var (name, expression) = Unname(item);
            var planned = PlanScalar(expression, input.Schema);
            name ??= nextNew < output.Count ? output.Columns[nextNew].Name : "Column" + (nextNew + 1);
            var existing = columns.FindIndex(c => c.Name == name);
            if (existing >= 0)
            {
                columns[existing] = new NamedExpr(name, planned);
            }
            else
            {
                columns.Add(new NamedExpr(name, planned));
                nextNew++;
            }
        }

        return new LogicalProject(input, columns);
    }
}
