using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Optimizer;

/// <summary>"top-n": <c>sort | take N</c> becomes one top-N operator that never holds more than about N rows.</summary>
internal sealed class TopNConversion : IOptimizerPass
{
    public const string PassName = "top-n";

    public string Name => PassName;

    public LogicalOperator Run(LogicalOperator root, OptimizerContext context) => PlanRewriter.BottomUp(root, static op => op switch
    {
        LogicalLimit { Input: LogicalSort sort } limit => new LogicalTopN(sort.Input, sort.Keys, limit.Count),
        LogicalLimit { Input: LogicalTopN top } limit => new LogicalTopN(top.Input, top.Keys, Math.Min(top.Count, limit.Count)),
        _ => op,
    });
}
