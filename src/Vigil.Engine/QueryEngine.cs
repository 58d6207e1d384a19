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
            var plan = PlanAndOptimize(query, options, now, statistics, Runner(snapshot, context, scans, options, now), snapshot);
            var tables = plan.Tables ?? [new NamedPlan(QueryResult.PrimaryResultName, plan.Root)];
            var results = new List<QueryResult>(tables.Count);
            foreach (var table in tables)
            {
                var (columns, count, truncated) = RunTable(table.Plan, plan.Limits, snapshot, context, scans, options);
                results.Add(new QueryResult(columns, count, truncated, plan.Visualization, statistics, table.Name));
            }

            statistics.ExtentsScanned = scans.ExtentsScanned;
            statistics.ExtentsSkipped = scans.ExtentsSkipped;
            statistics.BlocksScanned = scans.BlocksScanned;
            statistics.BlocksSkipped = scans.BlocksSkipped;
            statistics.Elapsed = Stopwatch.GetElapsedTime(started);
            results[0].SetTables(results);
            return results[0];
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

    /// <summary>Runs one result table's plan, keeping at most <see cref="QueryOptions.MaxRows"/> rows.</summary>
    private static (ResultColumn[] Columns, int Count, bool Truncated) RunTable(
        LogicalOperator plan, ResultLimits limits, WorkspaceSnapshot? snapshot, QueryContext context, ScanStatistics scans, QueryOptions options)
    {
        using var root = PhysicalPlanner.Create(plan, snapshot, context, scans);
        using var resultMemory = context.Account("result");
        var rows = new RowBuffer(plan.Schema, account: resultMemory);
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

        return (columns, rows.Count, truncated);
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
            var plan = Planner.Plan(bound, now, runner, options.TimeWindow, StoredTables(snapshot));
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
        return PlanAndOptimize(query, options, now, new QueryStatistics(), runner, snapshot).Root;
    }

    private QueryPlan PlanAndOptimize(
        string query, QueryOptions options, long now, QueryStatistics statistics, SubqueryRunner runner, WorkspaceSnapshot? snapshot)
    {
        var bound = Bind(query);
        var plan = Planner.Plan(bound, now, runner, options.TimeWindow, StoredTables(snapshot));
        var timings = new List<(string Pass, TimeSpan Elapsed)>();
        var optimized = QueryOptimizer.Optimize(plan.Root, new OptimizerContext(now), options.DisabledOptimizerPasses, options.VerifyPlans, timings);
        var passes = new List<KeyValuePair<string, TimeSpan>>(timings.Count);
        foreach (var (pass, elapsed) in timings)
        {
            passes.Add(new KeyValuePair<string, TimeSpan>(pass, elapsed));
        }

        statistics.OptimizerPasses = passes;
        if (plan.Tables is { } tables)
        {
            // fork/facet: every result table's plan is optimized on its own (the first one's passes are the ones timed).
            var optimizedTables = new List<NamedPlan>(tables.Count) { new(tables[0].Name, optimized) };
            for (var i = 1; i < tables.Count; i++)
            {
                var other = QueryOptimizer.Optimize(tables[i].Plan, new OptimizerContext(now), options.DisabledOptimizerPasses, options.VerifyPlans, null);
                optimizedTables.Add(new NamedPlan(tables[i].Name, other));
            }

            return plan.WithTables(optimizedTables);
        }

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

    /// <summary>The names of the tables the snapshot holds (find and search without <c>in</c> look in these).</summary>
    private static HashSet<string>? StoredTables(WorkspaceSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in snapshot.Tables)
        {
            names.Add(table.Name);
        }

        return names;
    }

    private BoundQuery Bind(string query)
    {
        // The Defender functions the query calls are declared in KQL ahead of it; reported offsets stay the query's.
        var declarations = Defender.DefenderFunctions.DeclarationsFor(query);
        var tree = SyntaxTree.Parse(declarations + query);
        if (tree.HasErrors)
        {
            throw Failure(QueryErrorKind.Syntax, tree.Diagnostics, declarations.Length);
        }

        var bound = KqlBinder.Bind(tree, SchemaMapping.CreateSchema(_workspace));
        if (bound.HasErrors)
        {
            throw Failure(QueryErrorKind.Semantic, bound.Diagnostics, declarations.Length);
        }

        return bound;
    }

    private static QueryException Failure(QueryErrorKind kind, IReadOnlyList<Diagnostic> diagnostics, int prefixLength)
    {
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var d in diagnostics)
        {
            if (d.IsError)
            {
                errors.Add(prefixLength == 0 ? d : d.WithSpan(Math.Max(0, d.Start - prefixLength), d.Length));
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
