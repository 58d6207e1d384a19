using System.Text;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning;

/// <summary>
/// A node of the logical plan: what to compute, not how. Each node has its children, the expressions it evaluates
/// (over its input's columns, by ordinal) and its output schema. Nodes are immutable; optimizer passes rebuild the
/// parts they change with <see cref="WithChildren"/> or the node's own <c>With*</c> methods.
/// <see cref="Explain"/> prints the tree for EXPLAIN and plan tests.
/// </summary>
internal abstract class LogicalOperator
{
    protected LogicalOperator(TableSchema schema) => Schema = schema;

    /// <summary>The columns this operator produces, in order.</summary>
    public TableSchema Schema { get; }

    public abstract IReadOnlyList<LogicalOperator> Children { get; }

    /// <summary>This operator over new children (same count).</summary>
    public abstract LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children);

    /// <summary>One line: the operator and its arguments (EXPLAIN).</summary>
    public abstract string Describe();

    /// <summary>Checks invariants (expressions read existing input columns, schema matches expressions).</summary>
    public virtual void Verify()
    {
        foreach (var child in Children)
        {
            child.Verify();
        }
    }

    /// <summary>The plan as an indented tree, one operator a line.</summary>
    public string Explain()
    {
        var builder = new StringBuilder();
        AppendTree(builder, 0);
        return builder.ToString();
    }

    public override string ToString() => Describe();

    protected static void VerifyColumns(ScalarExpr expression, TableSchema input, LogicalOperator owner)
    {
        expression.VisitColumns(ordinal =>
        {
            if ((uint)ordinal >= (uint)input.Count)
            {
                throw new InvalidOperationException($"Plan invariant: {owner.Describe()} reads column #{ordinal} of a {input.Count}-column input.");
            }
        });
    }

    protected static string Join<T>(IEnumerable<T> items) => string.Join(", ", items);

    private void AppendTree(StringBuilder builder, int depth)
    {
        builder.Append(' ', depth * 2).Append(Describe()).Append('\n');
        foreach (var child in Children)
        {
            child.AppendTree(builder, depth + 1);
        }
    }
}

/// <summary>A logical operator with one input.</summary>
internal abstract class UnaryLogicalOperator(LogicalOperator input, TableSchema schema) : LogicalOperator(schema)
{
    public LogicalOperator Input { get; } = input;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => WithInput(children[0]);

    public abstract LogicalOperator WithInput(LogicalOperator input);
}

/// <summary>A logical operator without inputs (a source).</summary>
internal abstract class LeafLogicalOperator(TableSchema schema) : LogicalOperator(schema)
{
    public override IReadOnlyList<LogicalOperator> Children => [];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this;
}

/// <summary>A named output column computed by an expression (project, extend, summarize by).</summary>
internal sealed record NamedExpr(string Name, ScalarExpr Expression)
{
    public override string ToString() => Expression is ColumnExpr c && c.Name == Name ? Name : $"{Name}={Expression}";
}
