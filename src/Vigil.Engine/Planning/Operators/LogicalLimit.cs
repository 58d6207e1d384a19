namespace Vigil.Engine.Planning.Operators;

/// <summary><c>take</c>/<c>limit</c>: the first <see cref="Count"/> rows (any rows, when the input is unordered).</summary>
internal sealed class LogicalLimit(LogicalOperator input, long count) : UnaryLogicalOperator(input, input.Schema)
{
    public long Count { get; } = count;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalLimit(input, Count);

    public override string Describe() => $"Limit {Count}";
}
