using Vigil.Engine.Execution.Graph;
using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Operators;
using Vigil.Storage;

namespace Vigil.Engine.Execution;

/// <summary>Turns the optimized logical plan into a tree of physical operators over a storage snapshot.</summary>
internal static class PhysicalPlanner
{
    public static PhysicalOperator Create(LogicalOperator op, WorkspaceSnapshot? snapshot, QueryContext context, ScanStatistics statistics)
    {
        switch (op)
        {
            case LogicalScan scan:
                return new ScanSource(snapshot?.GetTable(scan.Table.Name), scan, context, statistics);
            case LogicalValues values:
                return new ValuesSource(values, context);
            case LogicalMaterialized materialized:
                return new MaterializedSource(materialized);
            case LogicalWindow window:
                return new WindowOperator(Create(window.Input, snapshot, context, statistics), window, context);
            case LogicalSequenceScan sequence:
                return new SequenceScanOperator(Create(sequence.Input, snapshot, context, statistics), sequence, context);
            case LogicalSeriesAssemble assemble:
                return new SeriesAssembleOperator(Create(assemble.Input, snapshot, context, statistics), assemble, context);
            case LogicalRange range:
                return new RangeSource(range, context);
            case LogicalFilter filter:
                return new FilterOperator(Create(filter.Input, snapshot, context, statistics), filter.Predicate, context);
            case LogicalProject project:
                return new ProjectOperator(Create(project.Input, snapshot, context, statistics), project.Columns, project.Schema, context);
            case LogicalLimit limit:
                return new LimitOperator(Create(limit.Input, snapshot, context, statistics), limit.Count);
            case LogicalSort sort:
                return new SortOperator(Create(sort.Input, snapshot, context, statistics), sort.Keys, -1, context);
            case LogicalTopN top when ParallelScans.Parts(top.Input, snapshot, context) is { } parts:
                return new ParallelTopNOperator(top, parts, snapshot!, context, statistics);
            case LogicalTopN top:
                return new SortOperator(Create(top.Input, snapshot, context, statistics), top.Keys, top.Count, context);
            case LogicalAggregate aggregate when ParallelScans.Parts(aggregate.Input, snapshot, context) is { } parts:
                return new ParallelAggregateOperator(aggregate, parts, snapshot!, context, statistics);
            case LogicalAggregate aggregate:
                return new AggregateOperator(Create(aggregate.Input, snapshot, context, statistics), aggregate, context);
            case LogicalUnion union:
                return new UnionOperator([.. union.Children.Select(c => Create(c, snapshot, context, statistics))], union.Schema);
            case LogicalJoin join:
                return new HashJoinOperator(
                    Create(join.Left, snapshot, context, statistics), Create(join.Right, snapshot, context, statistics), join, context);
            case LogicalMvExpand mvExpand:
                return new MvExpandOperator(Create(mvExpand.Input, snapshot, context, statistics), mvExpand, context);
            case LogicalMvApply mvApply:
                return new MvApplyOperator(Create(mvApply.Input, snapshot, context, statistics), mvApply, snapshot, context, statistics);
            case LogicalApplyRows applyRows:
                return new ApplyRowsSource(applyRows);
            case LogicalParse parse:
                return new ParseOperator(Create(parse.Input, snapshot, context, statistics), parse, context);
            case LogicalSample sample:
                return new ReservoirSampleOperator(Create(sample.Input, snapshot, context, statistics), sample);
            case LogicalGraphMatch match:
                return new GraphMatchOperator(
                    Create(match.Children[0], snapshot, context, statistics),
                    match.Children.Count > 1 ? Create(match.Children[1], snapshot, context, statistics) : null, match, context);
            case LogicalGraphTable graph:
                return new GraphTableOperator(
                    Create(graph.Children[0], snapshot, context, statistics),
                    graph.Children.Count > 1 ? Create(graph.Children[1], snapshot, context, statistics) : null, graph);
            default:
                throw QueryException.NotSupported($"Executing '{op.Describe()}'");
        }
    }
}
