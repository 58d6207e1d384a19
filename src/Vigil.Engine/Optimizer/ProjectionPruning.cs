using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Optimizer;

/// <summary>
/// "projection-pruning": drops columns nobody downstream reads, so scans decode only the columns a query uses and
/// projections compute only what is kept. Works top-down with the set of needed output ordinals, and remaps the
/// ordinals of every expression above a narrowed operator.
/// </summary>
internal sealed class ProjectionPruning : IOptimizerPass
{
    public const string PassName = "projection-pruning";

    public string Name => PassName;

    public LogicalOperator Run(LogicalOperator root, OptimizerContext context)
    {
        var needed = new bool[root.Schema.Count];
        Array.Fill(needed, true);
        return Prune(root, needed).Op;
    }

    /// <summary>The pruned operator and, per old output ordinal, its new ordinal (-1 when dropped).</summary>
    private static (LogicalOperator Op, int[] Map) Prune(LogicalOperator op, bool[] needed)
    {
        switch (op)
        {
            case LogicalScan scan:
            {
                var kept = new List<int>();
                var map = new int[scan.Columns.Length];
                for (var i = 0; i < map.Length; i++)
                {
                    map[i] = needed[i] ? kept.Count : -1;
                    if (needed[i])
                    {
                        kept.Add(scan.Columns[i]);
                    }
                }

                return (scan.WithColumns([.. kept]), map);
            }

            case LogicalFilter filter:
            {
                var childNeeded = (bool[])needed.Clone();
                Mark(filter.Predicate, childNeeded);
                var (child, map) = Prune(filter.Input, childNeeded);
                return (new LogicalFilter(child, Remap(filter.Predicate, map)), map);
            }

            case LogicalProject project:
            {
                var childNeeded = new bool[project.Input.Schema.Count];
                var keptColumns = new List<NamedExpr>();
                var map = new int[project.Columns.Count];
                for (var i = 0; i < map.Length; i++)
                {
                    map[i] = needed[i] ? keptColumns.Count : -1;
                    if (needed[i])
                    {
                        keptColumns.Add(project.Columns[i]);
                        Mark(project.Columns[i].Expression, childNeeded);
                    }
                }

                var (child, childMap) = Prune(project.Input, childNeeded);
                var remapped = new List<NamedExpr>(keptColumns.Count);
                foreach (var column in keptColumns)
                {
                    remapped.Add(column with { Expression = Remap(column.Expression, childMap) });
                }

                return (new LogicalProject(child, remapped), map);
            }

            case LogicalLimit limit:
            {
                var (child, map) = Prune(limit.Input, needed);
                return (limit.WithInput(child), map);
            }

            case LogicalSort sort:
            {
                var childNeeded = (bool[])needed.Clone();
                foreach (var key in sort.Keys)
                {
                    Mark(key.Expression, childNeeded);
                }

                var (child, map) = Prune(sort.Input, childNeeded);
                return (new LogicalSort(child, [.. sort.Keys.Select(k => k with { Expression = Remap(k.Expression, map) })]), map);
            }

            case LogicalTopN top:
            {
                var childNeeded = (bool[])needed.Clone();
                foreach (var key in top.Keys)
                {
                    Mark(key.Expression, childNeeded);
                }

                var (child, map) = Prune(top.Input, childNeeded);
                return (new LogicalTopN(child, [.. top.Keys.Select(k => k with { Expression = Remap(k.Expression, map) })], top.Count), map);
            }

            case LogicalAggregate aggregate:
                return PruneAggregate(aggregate, needed);

            case LogicalJoin join when join.Kind is "inner" or "innerunique" or "leftouter" or "rightouter" or "fullouter":
                return PruneJoin(join, needed);

            default:
            {
                // Sources and unknown operators keep every column; their children keep all of theirs.
                var children = new LogicalOperator[op.Children.Count];
                for (var i = 0; i < children.Length; i++)
                {
                    var all = new bool[op.Children[i].Schema.Count];
                    Array.Fill(all, true);
                    children[i] = Prune(op.Children[i], all).Op;
                }

                return (children.Length == 0 ? op : op.WithChildren(children), Identity(op.Schema.Count));
            }
        }
    }

    /// <summary>
    /// Drops aggregates none of whose outputs is read (the groups stay: they decide the rows), so
    /// <c>summarize arg_max(T, *) by K | count</c> only groups.
    /// </summary>
    private static (LogicalOperator Op, int[] Map) PruneAggregate(LogicalAggregate aggregate, bool[] needed)
    {
        var childNeeded = new bool[aggregate.Input.Schema.Count];
        foreach (var group in aggregate.Groups)
        {
            Mark(group.Expression, childNeeded);
        }

        var map = new int[aggregate.Schema.Count];
        for (var g = 0; g < aggregate.Groups.Count; g++)
        {
            map[g] = g;
        }

        var kept = new List<AggregateCall>();
        var position = aggregate.Groups.Count;
        var next = aggregate.Groups.Count;
        foreach (var call in aggregate.Aggregates)
        {
            var read = false;
            for (var o = 0; o < call.Outputs.Length; o++)
            {
                read |= needed[position + o];
            }

            for (var o = 0; o < call.Outputs.Length; o++)
            {
                map[position + o] = read ? next + o : -1;
            }

            if (read)
            {
                kept.Add(call);
                next += call.Outputs.Length;
                foreach (var argument in call.Arguments)
                {
                    Mark(argument, childNeeded);
                }
            }

            position += call.Outputs.Length;
        }

        var (child, childMap) = Prune(aggregate.Input, childNeeded);
        var rebuilt = new LogicalAggregate(
            child,
            [.. aggregate.Groups.Select(g => g with { Expression = Remap(g.Expression, childMap) })],
            [.. kept.Select(c => c with { Arguments = [.. c.Arguments.Select(a => Remap(a, childMap))] })]);
        return (rebuilt, map);
    }

    /// <summary>
    /// A join whose output is the left columns then the right ones reads, on each side, the columns read above it plus
    /// its keys; the narrowed output keeps the join's (binder-given) names of the surviving columns.
    /// </summary>
    private static (LogicalOperator Op, int[] Map) PruneJoin(LogicalJoin join, bool[] needed)
    {
        var leftWidth = join.Left.Schema.Count;
        var leftNeeded = new bool[leftWidth];
        var rightNeeded = new bool[join.Right.Schema.Count];
        Array.Copy(needed, 0, leftNeeded, 0, leftWidth);
        Array.Copy(needed, leftWidth, rightNeeded, 0, rightNeeded.Length);
        foreach (var key in join.LeftKeys)
        {
            Mark(key, leftNeeded);
        }

        foreach (var key in join.RightKeys)
        {
            Mark(key, rightNeeded);
        }

        var (left, leftMap) = Prune(join.Left, leftNeeded);
        var (right, rightMap) = Prune(join.Right, rightNeeded);
        var columns = new ColumnSymbol[left.Schema.Count + right.Schema.Count];
        var map = new int[join.Schema.Count];
        for (var i = 0; i < map.Length; i++)
        {
            var target = i < leftWidth ? leftMap[i] : rightMap[i - leftWidth] is >= 0 and var r ? left.Schema.Count + r : -1;
            map[i] = target;
            if (target >= 0)
            {
                columns[target] = join.Schema.Columns[i];
            }
        }

        var rebuilt = new LogicalJoin(
            left, right, join.Kind, [.. join.LeftKeys.Select(k => Remap(k, leftMap))], [.. join.RightKeys.Select(k => Remap(k, rightMap))], new TableSchema(columns));
        return (rebuilt, map);
    }

    private static void Mark(ScalarExpr expression, bool[] needed) => expression.VisitColumns(o => needed[o] = true);

    private static ScalarExpr Remap(ScalarExpr expression, int[] map) =>
        PlanRewriter.Remap(expression, c => c.Ordinal < map.Length && map[c.Ordinal] == c.Ordinal ? c : new ColumnExpr(map[c.Ordinal], c.Name, c.Type));

    private static int[] Identity(int count)
    {
        var map = new int[count];
        for (var i = 0; i < count; i++)
        {
            map[i] = i;
        }

        return map;
    }
}
