using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Planning.Operators;

/// <summary><c>where</c>: keeps rows whose predicate is true (not false, not null).</summary>
internal sealed class LogicalFilter(LogicalOperator input, ScalarExpr predicate) : UnaryLogicalOperator(input, input.Schema)
{
    public ScalarExpr Predicate { get; } = predicate;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalFilter(input, Predicate);

    public override string Describe() => $"Filter {Predicate}";

    public override void Verify()
    {
        VerifyColumns(Predicate, Input.Schema, this);
        base.Verify();
    }
}
