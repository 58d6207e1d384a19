using Vigil.Engine.Planning;

namespace Vigil.Engine.Optimizer;

/// <summary>One rewrite of the logical plan. Passes must keep the plan's output schema unchanged.</summary>
internal interface IOptimizerPass
{
    /// <summary>The name tests and <see cref="QueryOptions.DisabledOptimizerPasses"/> use to switch it off.</summary>
    string Name { get; }

    LogicalOperator Run(LogicalOperator root, OptimizerContext context);
}

/// <summary>What passes may need besides the plan.</summary>
internal sealed class OptimizerContext(long nowTicks)
{
    /// <summary>The query's fixed "now" (constant folding evaluates <c>ago()</c> with it).</summary>
    public long NowTicks { get; } = nowTicks;
}
