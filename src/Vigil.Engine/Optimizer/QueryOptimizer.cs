using System.Diagnostics;
using Vigil.Engine.Planning;

namespace Vigil.Engine.Optimizer;

/// <summary>
/// Runs the optimizer passes in order. Each pass can be disabled by name; each is timed (the times go to the query
/// statistics) and, when <c>verify</c> is on (tests, debug builds), followed by a plan invariant check and a check
/// that the output schema did not change.
/// </summary>
internal static class QueryOptimizer
{
    /// <summary>The passes, in the order they run.</summary>
    public static readonly IReadOnlyList<IOptimizerPass> Passes =
    [
        new ConstantFolding(),
        new PredicatePushdown(),
        new TopNConversion(),
        new ProjectionPruning(),
    ];

    public static LogicalOperator Optimize(
        LogicalOperator root, OptimizerContext context, IReadOnlySet<string> disabled, bool verify, IList<(string Pass, TimeSpan Elapsed)>? timings)
    {
        foreach (var pass in Passes)
        {
            if (disabled.Contains(pass.Name))
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var rewritten = pass.Run(root, context);
            timings?.Add((pass.Name, Stopwatch.GetElapsedTime(started)));
            if (verify)
            {
                rewritten.Verify();
                if (!rewritten.Schema.Equals(root.Schema))
                {
                    throw new InvalidOperationException($"Optimizer pass '{pass.Name}' changed the output schema from {root.Schema} to {rewritten.Schema}.");
                }
            }

            root = rewritten;
        }

        return root;
    }
}
