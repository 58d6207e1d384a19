namespace Vigil.Engine.Planning.Operators;

/// <summary><c>sample N</c>: up to <see cref="Count"/> rows drawn uniformly at random from the input.</summary>
internal sealed class LogicalSample(LogicalOperator input, long count) : UnaryLogicalOperator(input, input.Schema)
{
    public long Count { get; } = count;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalSample(input, Count);

    public override string Describe() => $"Sample {Count}";
}
