using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Optimizer;

/// <summary>
/// "constant-folding": evaluates calls whose arguments are all constants once, at plan time (so <c>ago(1h)</c>
/// becomes a datetime that time-range pruning can use).
/// </summary>
internal sealed class ConstantFolding : IOptimizerPass
{
    public const string PassName = "constant-folding";

    public string Name => PassName;

    public LogicalOperator Run(LogicalOperator root, OptimizerContext context) =>
        PlanRewriter.MapExpressions(root, e => Fold(e, context.NowTicks));

    public static ScalarExpr Fold(ScalarExpr expression, long nowTicks) =>
        expression.Rewrite(e => e is CallExpr call && IsFoldable(call) && TryFold(call, nowTicks) is { } value ? new ConstantExpr(value) : e);

    /// <summary>The value of an expression without column references, or null when it has some.</summary>
    public static ScalarValue? TryFold(ScalarExpr expression, long nowTicks)
    {
        if (expression is ConstantExpr constant)
        {
            return constant.Value;
        }

        var hasColumns = false;
        expression.VisitColumns(_ => hasColumns = true);
        if (hasColumns)
        {
            return null;
        }

        using var evaluator = new ExpressionEvaluator(expression, new QueryContext(nowTicks, CancellationToken.None));
        var batch = new Batch([], 1);
        return evaluator.Evaluate(batch).GetValue(0);
    }

    private static bool IsFoldable(CallExpr call)
    {
        if (!call.Function.IsDeterministic)
        {
            return false;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument is not ConstantExpr)
            {
                return false;
            }
        }

        return true;
    }
}
