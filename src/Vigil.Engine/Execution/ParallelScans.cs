using System.Runtime.ExceptionServices;
using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Operators;
using Vigil.Storage;

namespace Vigil.Engine.Execution;

/// <summary>
/// Splits a scan across threads: a summarize or top-N over a pipeline of row-wise operators (where, project/extend,
/// parse, mv-expand) down to one table scan runs one copy of the pipeline and of the sink per contiguous part of the
/// table's blocks, then merges the parts in scan order. Groups, their states and top-N ties therefore come out
/// exactly as on one thread (real sums may differ in the last bits: addition is regrouped).
/// </summary>
internal static class ParallelScans
{
    /// <summary>The parts to split <paramref name="input"/>'s scan into, or null when it runs serially.</summary>
    public static ScanPart[]? Parts(LogicalOperator input, WorkspaceSnapshot? snapshot, QueryContext context)
    {
        if (context.Parallelism < 2 || snapshot is null || PipelineScan(input) is not { } scan
            || snapshot.GetTable(scan.Table.Name) is not { } table)
        {
            return null;
        }

        var parts = ScanPart.Split(table, context.Parallelism);
        return parts.Length < 2 ? null : parts;
    }

    /// <summary>The scan at the bottom of a chain of row-wise operators, or null.</summary>
    private static LogicalScan? PipelineScan(LogicalOperator op)
    {
        while (true)
        {
            switch (op)
            {
                case LogicalScan scan:
                    return scan;
                case LogicalFilter or LogicalProject or LogicalParse or LogicalMvExpand:
                    op = op.Children[0];
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>One copy of the row-wise pipeline <paramref name="op"/> reading <paramref name="part"/> of its scan.</summary>
    public static PhysicalOperator CreatePipeline(LogicalOperator op, WorkspaceSnapshot snapshot, QueryContext context, ScanStatistics statistics, ScanPart part) =>
        op switch
        {
            LogicalScan scan => new ScanSource(snapshot.GetTable(scan.Table.Name), scan, context, statistics, part),
            LogicalFilter filter => new FilterOperator(CreatePipeline(filter.Input, snapshot, context, statistics, part), filter.Predicate, context),
            LogicalProject project => new ProjectOperator(CreatePipeline(project.Input, snapshot, context, statistics, part), project.Columns, project.Schema, context),
            LogicalParse parse => new ParseOperator(CreatePipeline(parse.Input, snapshot, context, statistics, part), parse, context),
            LogicalMvExpand expand => new MvExpandOperator(CreatePipeline(expand.Input, snapshot, context, statistics, part), expand, context),
            _ => throw new InvalidOperationException($"{op.Describe()} is not a row-wise pipeline operator"),
        };

    /// <summary>Runs <paramref name="work"/> for every part on up to the query's parallelism threads.</summary>
    public static void Run(int parts, QueryContext context, Action<int> work)
    {
        try
        {
            Parallel.For(
                0,
                parts,
                new ParallelOptions { MaxDegreeOfParallelism = context.Parallelism, CancellationToken = context.Cancellation },
                work);
        }
        catch (AggregateException e)
        {
            // Report the first failure as it would have been reported serially (a QueryException, a cancellation).
            var first = e.Flatten().InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}

/// <summary>A summarize whose input scan is split across threads (<see cref="ParallelScans"/>).</summary>
internal sealed class ParallelAggregateOperator : PhysicalOperator
{
    private readonly AggregateOperator[] _parts;
    private readonly ScanStatistics[] _partStatistics;
    private readonly ScanStatistics _statistics;
    private readonly QueryContext _context;
    private bool _merged;

    public ParallelAggregateOperator(LogicalAggregate plan, ScanPart[] parts, WorkspaceSnapshot snapshot, QueryContext context, ScanStatistics statistics)
        : base(plan.Schema)
    {
        _context = context;
        _statistics = statistics;
        _partStatistics = new ScanStatistics[parts.Length];
        _parts = new AggregateOperator[parts.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            _partStatistics[p] = new ScanStatistics();
            _parts[p] = new AggregateOperator(ParallelScans.CreatePipeline(plan.Input, snapshot, context, _partStatistics[p], parts[p]), plan, context);
        }
    }

    public override Vectors.Batch? Next()
    {
        if (!_merged)
        {
            _merged = true;
            ParallelScans.Run(_parts.Length, _context, p => _parts[p].Accumulate());
            for (var p = 1; p < _parts.Length; p++)
            {
                _parts[0].MergeFrom(_parts[p]);
            }

            foreach (var part in _partStatistics)
            {
                _statistics.Add(part);
            }
        }

        return _parts[0].Next();
    }

    public override void Dispose()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }
    }
}

/// <summary>
/// A top-N whose input scan is split across threads: each part keeps its best N rows, then one top-N over the parts'
/// rows in scan order picks the overall best (the sort is stable, so ties keep scan order as on one thread).
/// </summary>
internal sealed class ParallelTopNOperator : PhysicalOperator
{
    private readonly SortOperator[] _parts;
    private readonly ScanStatistics[] _partStatistics;
    private readonly ScanStatistics _statistics;
    private readonly QueryContext _context;
    private readonly SortOperator _final;
    private bool _prepared;

    public ParallelTopNOperator(LogicalTopN plan, ScanPart[] parts, WorkspaceSnapshot snapshot, QueryContext context, ScanStatistics statistics)
        : base(plan.Schema)
    {
        _context = context;
        _statistics = statistics;
        _partStatistics = new ScanStatistics[parts.Length];
        _parts = new SortOperator[parts.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            _partStatistics[p] = new ScanStatistics();
            _parts[p] = new SortOperator(ParallelScans.CreatePipeline(plan.Input, snapshot, context, _partStatistics[p], parts[p]), plan.Keys, plan.Count, context);
        }

        _final = new SortOperator(new UnionOperator(_parts, plan.Input.Schema), plan.Keys, plan.Count, context);
    }

    public override Vectors.Batch? Next()
    {
        if (!_prepared)
        {
            _prepared = true;
            ParallelScans.Run(_parts.Length, _context, p => _parts[p].Prepare());
            foreach (var part in _partStatistics)
            {
                _statistics.Add(part);
            }
        }

        return _final.Next();
    }

    public override void Dispose() => _final.Dispose();
}
