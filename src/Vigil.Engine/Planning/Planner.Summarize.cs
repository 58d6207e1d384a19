using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private LogicalAggregate PlanSummarize(SummarizeOperator summarize, LogicalOperator input, TableSchema output)
    {
        var position = 0;
        string NextName(string fallback) => position < output.Count ? output.Columns[position++].Name : fallback;

        var groups = new List<NamedExpr>();
        var byColumns = new HashSet<string>(StringComparer.Ordinal);
        if (summarize.By is { } by)
        {
            foreach (var key in by.Expressions)
            {
                var (_, expression) = Unname(key);
                if (expression is NameReference reference && input.Schema.Contains(reference.SimpleName))
                {
                    byColumns.Add(reference.SimpleName);
                }

                groups.Add(new NamedExpr(NextName("Column" + (groups.Count + 1)), PlanScalar(expression, input.Schema)));
            }
        }

        var aggregates = new List<AggregateCall>();
        foreach (var item in summarize.Aggregates)
        {
            var expression = item is SimpleNamedExpression named ? named.Expression : item;

            while (expression is ParenthesizedExpression p)
            {
                expression = p.Expression;
            }

            if (expression is not FunctionCallExpression call || _bound.GetInfo(call)?.IsAggregate != true)
            {
                throw QueryException.NotSupported($"The aggregate expression '{Snippet(item)}' (only a direct aggregate call)");
            }

            var function = call.Name.SimpleName;
            if (function is "arg_max" or "arg_min" or "argmax" or "argmin")
            {
                aggregates.Add(PlanArgMinMax(function.Replace("argm", "arg_m", StringComparison.Ordinal), call, input.Schema, byColumns, NextName));
                continue;
            }

            var arguments = new List<ScalarExpr>();
            foreach (var argument in call.Arguments)
            {
                if (argument is StarExpression && function is "count")
                {
                    continue;
                }

                arguments.Add(PlanScalar(argument, input.Schema));
            }

            var type = PlanTypes.Normalize(_bound.GetType(call));
            aggregates.Add(new AggregateCall(NormalizeAggregateName(function), [.. arguments], [new ColumnSymbol(NextName(function + "_"), type)]));
        }

        return new LogicalAggregate(input, groups, aggregates);
    }

    private static string NormalizeAggregateName(string name) => name switch
    {
        "any" => "take_any",
        "makeset" => "make_set",
        "makelist" => "make_list",
        _ => name,
    };

    /// <summary>
    /// arg_max(ExprToMaximize, Expr...): the first output is the maximized value, then one per further argument,
    /// with <c>*</c> standing for every input column not otherwise output (as the binder names them).
    /// </summary>
    private AggregateCall PlanArgMinMax(
        string function, FunctionCallExpression call, TableSchema input, HashSet<string> byColumns, Func<string, string> nextName)
    {
        var arguments = new List<ScalarExpr>();
        var outputs = new List<ColumnSymbol>();
        var anyStar = false;
        foreach (var argument in call.Arguments)
        {
            anyStar |= argument is StarExpression;
        }

        var doNotRepeat = new HashSet<string>(StringComparer.Ordinal);
        bool CanAdd(int index, string name) => index == 0 || !anyStar || (!doNotRepeat.Contains(name) && !byColumns.Contains(name));
        void Add(ScalarExpr expression, string sourceName)
        {
            doNotRepeat.Add(sourceName);
            arguments.Add(expression);
            outputs.Add(new ColumnSymbol(nextName(sourceName), expression.Type));
        }

        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var argument = call.Arguments[i];
            if (argument is StarExpression)
            {
                foreach (var column in input.Columns)
                {
                    if (CanAdd(i, column.Name))
                    {
                        Add(ColumnOf(input, column.Name), column.Name);
                    }
                }

                continue;
            }

            var (_, expression) = Unname(argument);
            var sourceName = expression is NameReference reference ? reference.SimpleName : function + "_";
            if (expression is NameReference && !CanAdd(i, sourceName))
            {
                continue;
            }

            Add(PlanScalar(expression, input), sourceName);
        }

        return new AggregateCall(function, [.. arguments], [.. outputs]);
    }
}
