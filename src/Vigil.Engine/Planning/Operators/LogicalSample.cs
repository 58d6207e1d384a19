namespace Vigil.Engine.Planning.Operators;

/// <summary><c>sample N</c>: N rows chosen uniformly at random (all rows when there are fewer), in input order.</summary>
internal sealed class LogicalSample(LogicalOperator input, long count) : UnaryLogicalOperator(input, input.Schema)
{
    public long Count { get; } = count;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalSample(input, Count);

    public override string Describe() => $"Sample {Count}";
}
