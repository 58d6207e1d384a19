using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary><c>union</c>: the rows of every input in turn; the planner projects each input onto the common schema.</summary>
internal sealed class LogicalUnion(IReadOnlyList<LogicalOperator> inputs, TableSchema schema) : LogicalOperator(schema)
{
    public override IReadOnlyList<LogicalOperator> Children { get; } = inputs;

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => new LogicalUnion(children, Schema);

    public override string Describe() => $"Union of {Children.Count}";

    public override void Verify()
    {
        foreach (var child in Children)
        {
            if (!child.Schema.Equals(Schema))
            {
                throw new InvalidOperationException($"Plan invariant: a union input has schema {child.Schema}, not {Schema}.");
            }
        }

        base.Verify();
    }
}
