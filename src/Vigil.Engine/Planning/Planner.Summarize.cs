using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private LogicalOperator PlanSummarize(SummarizeOperator summarize, LogicalOperator input, TableSchema output)
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
        List<(int Index, string Name, Expression Expression)>? computed = null;
        foreach (var item in summarize.Aggregates)
        {
            // (a, b) = arg_max(x, y): the binder has already given the outputs these names.
            var expression = item switch
            {
                SimpleNamedExpression named => named.Expression,
                CompoundNamedExpression compound => compound.Expression,
                _ => item,
            };

            while (expression is ParenthesizedExpression p)
            {
                expression = p.Expression;
            }

            if (expression is not FunctionCallExpression call || _bound.GetInfo(call)?.IsAggregate != true)
            {
                computed ??= [];
                computed.Add((aggregates.Count, NextName("Column" + (position + 1)), expression));
                aggregates.Add(new AggregateCall(string.Empty, [], []));
                continue;
            }

            var function = call.Name.SimpleName;
            if (function is "arg_max" or "arg_min" or "argmax" or "argmin")
            {
                aggregates.Add(PlanArgMinMax(function.Replace("argm", "arg_m", StringComparison.Ordinal), call, input.Schema, byColumns, NextName));
                continue;
            }

            if (function is "take_any" or "any" && (call.Arguments.Count > 1 || call.Arguments.Any(a => a is StarExpression)))
            {
                aggregates.Add(PlanTakeAny(call, input.Schema, byColumns, NextName));
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
            var outputCount = function switch
            {
                // One column per requested percentile.
                "percentile" or "percentiles" => Math.Max(1, arguments.Count - 1),
                "percentilew" or "percentilesw" => Math.Max(1, arguments.Count - 2),
                _ => 1,
            };
            var outputs = new ColumnSymbol[outputCount];
            for (var o = 0; o < outputCount; o++)
            {
                outputs[o] = new ColumnSymbol(NextName(function + "_"), type);
            }

            aggregates.Add(new AggregateCall(NormalizeAggregateName(function), [.. arguments], outputs));
        }

        return computed is null ? new LogicalAggregate(input, groups, aggregates) : PlanComputedAggregates(input, groups, aggregates, computed);
    }

    /// <summary>
    /// Items such as <c>x = count() * 2</c> or <c>round(avg(d), 2)</c>: each aggregate call inside becomes a hidden
    /// aggregate column, and a projection above the aggregation computes the item from them.
    /// </summary>
    private LogicalProject PlanComputedAggregates(
        LogicalOperator input, List<NamedExpr> groups, List<AggregateCall> aggregates, List<(int Index, string Name, Expression Expression)> computed)
    {
        var hidden = new List<AggregateCall>();
        var hiddenOf = new Dictionary<int, List<(FunctionCallExpression Call, int Position)>>();
        var finalCalls = new List<AggregateCall>();
        foreach (var (index, name, expression) in computed)
        {
            var inner = new List<(FunctionCallExpression, int)>();
            foreach (var element in expression.DescendantsAndSelf())
            {
                if (element is FunctionCallExpression call && _bound.GetInfo(call)?.IsAggregate == true)
                {
                    var arguments = new List<ScalarExpr>();
                    foreach (var argument in call.Arguments)
                    {
                        if (argument is not StarExpression)
                        {
                            arguments.Add(PlanScalar(Unname(argument).Expression, input.Schema));
                        }
                    }

                    var hiddenName = "\u0001aggregate" + hidden.Count;
                    hidden.Add(new AggregateCall(
                        NormalizeAggregateName(call.Name.SimpleName), [.. arguments],
                        [new ColumnSymbol(hiddenName, PlanTypes.Normalize(_bound.GetType(call)))]));
                    inner.Add((call, hidden.Count - 1));
                }
            }

            hiddenOf[index] = inner;
        }

        foreach (var call in aggregates)
        {
            if (call.Function.Length > 0)
            {
                finalCalls.Add(call);
            }
        }

        var aggregate = new LogicalAggregate(input, groups, [.. finalCalls, .. hidden]);
        var columns = new List<NamedExpr>();
        foreach (var group in groups)
        {
            columns.Add(new NamedExpr(group.Name, ColumnOf(aggregate.Schema, group.Name)));
        }

        var direct = groups.Count;
        var hiddenStart = groups.Count;
        foreach (var call in finalCalls)
        {
            hiddenStart += call.Outputs.Length;
        }

        for (var i = 0; i < aggregates.Count; i++)
        {
            if (aggregates[i].Function.Length > 0)
            {
                foreach (var outputColumn in aggregates[i].Outputs)
                {
                    columns.Add(new NamedExpr(outputColumn.Name, ColumnOf(aggregate.Schema, aggregate.Schema.Columns[direct++].Name)));
                }

                continue;
            }

            var (_, name, expression) = computed.Find(c => c.Index == i);
            _substitutions = [];
            foreach (var (call, position) in hiddenOf[i])
            {
                var column = aggregate.Schema.Columns[hiddenStart + position];
                _substitutions[call] = new ColumnExpr(hiddenStart + position, column.Name, column.Type);
            }

            columns.Add(new NamedExpr(name, PlanScalar(expression, aggregate.Schema)));
            _substitutions = null;
        }

        return new LogicalProject(aggregate, columns);
    }

    private static string NormalizeAggregateName(string name) => name switch
    {
        "any" => "take_any",
        "anyif" => "take_anyif",
        "cnt" => "count",
        "makeset" => "make_set",
        "makelist" => "make_list",
        "make_dictionary" => "make_bag",
        "tdigest_merge" => "merge_tdigest",
        _ => name,
    };

    /// <summary>
    /// take_any(Expr, ...) with several values or <c>*</c>: one output per value, <c>*</c> standing for every input
    /// column that is neither a by column nor already output (as the binder expands it).
    /// </summary>
    private AggregateCall PlanTakeAny(FunctionCallExpression call, TableSchema input, HashSet<string> byColumns, Func<string, string> nextName)
    {
        var anyStar = call.Arguments.Any(a => a is StarExpression);
        var doNotRepeat = anyStar ? new HashSet<string>(byColumns, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        var arguments = new List<ScalarExpr>();
        var outputs = new List<ColumnSymbol>();
        void Add(ScalarExpr expression, string name)
        {
            arguments.Add(expression);
            outputs.Add(new ColumnSymbol(nextName(name), expression.Type));
        }

        foreach (var argument in call.Arguments)
        {
            if (argument is StarExpression)
            {
                foreach (var column in input.Columns)
                {
                    if (doNotRepeat.Add(column.Name))
                    {
                        Add(ColumnOf(input, column.Name), column.Name);
                    }
                }

                continue;
            }

            var (name, expression) = Unname(argument);
            var source = expression is NameReference reference ? reference.SimpleName : null;
            if (anyStar && source is not null && !doNotRepeat.Add(source))
            {
                continue;
            }

            Add(PlanScalar(expression, input), name ?? "any_");
        }

        return new AggregateCall("take_any", [.. arguments], [.. outputs]);
    }

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
