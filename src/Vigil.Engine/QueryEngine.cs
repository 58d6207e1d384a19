using System.Collections.Immutable;
using System.Diagnostics;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Optimizer;
using Vigil.Engine.Planning;
using Vigil.Kql.Binding;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;
using Vigil.Storage;

namespace Vigil.Engine;

/// <summary>
/// Runs KQL over a storage workspace: text -> parse -> bind (against the built-in tables plus the workspace's
/// custom tables) -> logical plan -> optimizer passes -> physical operators over a consistent snapshot -> result.
/// Thread-safe: each query plans and runs on its own state. Every failure is a <see cref="QueryException"/>.
/// </summary>
public sealed class QueryEngine
{
    private readonly Workspace? _workspace;

    /// <param name="workspace">The data; null runs queries over an empty workspace (print, datatable, range work).</param>
    public QueryEngine(Workspace? workspace = null) => _workspace = workspace;

    /// <summary>Runs <paramref name="query"/> and returns its result.</summary>
    /// <exception cref="QueryException">The query is invalid, unsupported, or failed while running.</exception>
    public QueryResult Execute(string query, QueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= QueryOptions.Default;
        var started = Stopwatch.GetTimestamp();
        var now = NowTicks(options);
        var statistics = new QueryStatistics();
        try
        {
            using var snapshot = _workspace?.GetSnapshot();
            using var deadline = options.Timeout is { } timeout ? CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation) : null;
            deadline?.CancelAfter(options.Timeout!.Value);
            var context = Context(options, now, deadline?.Token ?? options.Cancellation);
            var scans = new ScanStatistics();
            var plan = PlanAndOptimize(query, options, now, statistics, Runner(snapshot, context, scans, options, now));
            using var root = PhysicalPlanner.Create(plan.Root!, snapshot, context, scans);
            using var resultMemory = context.Account("result");
            var rows = new RowBuffer(plan.Root!.Schema, account: resultMemory);
            var limits = plan.Limits;
            var maxRows = limits.NoTruncation ? long.MaxValue : limits.MaxRecords ?? options.MaxRows;
            var maxBytes = limits.NoTruncation ? long.MaxValue : limits.MaxSize ?? options.MaxResultBytes;
            var truncated = false;
            while (root.Next() is { } batch)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                if (rows.Count + batch.Count > maxRows)
                {
                    Keep(batch, (int)Math.Min(maxRows - rows.Count, batch.Count));
                    rows.Append(batch);
                    truncated = true;
                    break;
                }

                rows.Append(batch);
                if (rows.Bytes > maxBytes)
                {
                    // Kusto's truncationmaxsize: a partial result. The rows up to the batch that crossed the size are kept.
                    truncated = true;
                    break;
                }
            }

            var columns = new ResultColumn[rows.Schema.Count];
            for (var c = 0; c < columns.Length; c++)
            {
                var symbol = rows.Schema.Columns[c];
                columns[c] = new ResultColumn(symbol.Name, symbol.Type, rows.Columns[c]);
            }

            statistics.ExtentsScanned = scans.ExtentsScanned;
            statistics.ExtentsSkipped = scans.ExtentsSkipped;
            statistics.BlocksScanned = scans.BlocksScanned;
            statistics.BlocksSkipped = scans.BlocksSkipped;
            statistics.Elapsed = Stopwatch.GetElapsedTime(started);
            return new QueryResult(columns, rows.Count, truncated, plan.Visualization, statistics);
        }
        catch (OperationCanceledException) when (options.Timeout is { } timeout && !options.Cancellation.IsCancellationRequested)
        {
            throw new QueryException(QueryErrorKind.Runtime, $"The query exceeded its timeout of {timeout} (QueryOptions.Timeout).");
        }
        catch (Exception e) when (e is not QueryException and not OperationCanceledException)
        {
            throw Wrap(e);
        }
    }

    /// <summary>
    /// The logical plan of <paramref name="query"/> as text, before and after the optimizer (EXPLAIN).
    /// </summary>
    public string Explain(string query, QueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= QueryOptions.Default;
        var now = NowTicks(options);
        try
        {
            var bound = Bind(query);
            using var snapshot = _workspace?.GetSnapshot();
            var runner = Runner(snapshot, Context(options, now), new ScanStatistics(), options, now);
            var plan = Planner.Plan(bound, now, runner, options.TimeWindow);
            var optimized = QueryOptimizer.Optimize(plan.Root, new OptimizerContext(now), options.DisabledOptimizerPasses, true, null);
            return "logical plan:\n" + plan.Root.Explain() + "optimized plan:\n" + optimized.Explain();
        }
        catch (Exception e) when (e is not QueryException and not OperationCanceledException)
        {
            throw Wrap(e);
        }
    }

    /// <summary>The optimized logical plan (tests inspect it).</summary>
    internal LogicalOperator PlanQuery(string query, QueryOptions options)
    {
        var now = NowTicks(options);
        using var snapshot = _workspace?.GetSnapshot();
        var runner = Runner(snapshot, Context(options, now), new ScanStatistics(), options, now);
        return PlanAndOptimize(query, options, now, new QueryStatistics(), runner).Root;
    }

    private QueryPlan PlanAndOptimize(string query, QueryOptions options, long now, QueryStatistics statistics, SubqueryRunner runner)
    {
        var bound = Bind(query);
        var plan = Planner.Plan(bound, now, runner, options.TimeWindow);
        var timings = new List<(string Pass, TimeSpan Elapsed)>();
        var optimized = QueryOptimizer.Optimize(plan.Root, new OptimizerContext(now), options.DisabledOptimizerPasses, options.VerifyPlans, timings);
        var passes = new List<KeyValuePair<string, TimeSpan>>(timings.Count);
        foreach (var (pass, elapsed) in timings)
        {
            passes.Add(new KeyValuePair<string, TimeSpan>(pass, elapsed));
        }

        statistics.OptimizerPasses = passes;
        return plan.WithRoot(optimized);
    }

    /// <summary>Runs subqueries the planner needs as values (toscalar, in, materialize) over the query's snapshot.</summary>
    private static SubqueryRunner Runner(WorkspaceSnapshot? snapshot, QueryContext context, ScanStatistics scans, QueryOptions options, long now) =>
        plan =>
        {
            var optimized = QueryOptimizer.Optimize(plan, new OptimizerContext(now), options.DisabledOptimizerPasses, options.VerifyPlans, null);
            using var root = PhysicalPlanner.Create(optimized, snapshot, context, scans);

            // Materialized rows stay held by the plan that uses them: charged to the query until it ends.
            var rows = new RowBuffer(optimized.Schema, account: context.Account("materialize"));
            while (root.Next() is { } batch)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                rows.Append(batch);
            }

            return rows;
        };

    private BoundQuery Bind(string query)
    {
        var tree = SyntaxTree.Parse(query);
        if (tree.HasErrors)
        {
            throw Failure(QueryErrorKind.Syntax, tree.Diagnostics);
        }

        var bound = KqlBinder.Bind(tree, SchemaMapping.CreateSchema(_workspace));
        if (bound.HasErrors)
        {
            throw Failure(QueryErrorKind.Semantic, bound.Diagnostics);
        }

        return bound;
    }

    private static QueryException Failure(QueryErrorKind kind, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var d in diagnostics)
        {
            if (d.IsError)
            {
                errors.Add(d);
            }
        }

        var first = errors.Count > 0 ? errors[0] : null;
        var message = first is null ? "The query is not valid." : $"{first.Code}: {first.Message} (at offset {first.Start})";
        return new QueryException(kind, message, errors.ToImmutable());
    }

    private static QueryException Wrap(Exception e) => e switch
    {
        StorageCorruptionException => new QueryException(QueryErrorKind.Runtime, "Stored data is corrupt: " + e.Message, default, e),
        _ => new QueryException(QueryErrorKind.Runtime, $"Internal error while running the query: {e.GetType().Name}: {e.Message}", default, e),
    };

    private static long NowTicks(QueryOptions options) =>
        (options.Now is { } now ? now.ToUniversalTime() : DateTime.UtcNow).Ticks;

    private static QueryContext Context(QueryOptions options, long now, CancellationToken? cancellation = null) =>
        new(now, cancellation ?? options.Cancellation, new MemoryBudget(options.MemoryBudget), options.Parallelism);

    /// <summary>Narrows <paramref name="batch"/> to its first <paramref name="keep"/> live rows.</summary>
    private static void Keep(Batch batch, int keep)
    {
        if (batch.Selection is null)
        {
            batch.Selection = Sequence(batch.RowCount);
        }

        batch.SelectedCount = keep;
    }

    private static int[] Sequence(int count)
    {
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = i;
        }

        return rows;
    }
}
