using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// One aggregate of a summarize: the function name (<c>count</c>, <c>arg_max</c>...), its argument expressions
/// over the input, and the output columns it produces (arg_max/arg_min give one per argument).
/// </summary>
internal sealed record AggregateCall(string Function, ScalarExpr[] Arguments, ColumnSymbol[] Outputs)
{
    public override string ToString() =>
        $"{string.Join(", ", Outputs.Select(o => o.Name))}={Function}({string.Join(", ", Arguments.Select(a => a.ToString()))})";
}

/// <summary><c>summarize</c> (and <c>count</c>, <c>distinct</c>): group keys first, then the aggregates.</summary>
internal sealed class LogicalAggregate(LogicalOperator input, IReadOnlyList<NamedExpr> groups, IReadOnlyList<AggregateCall> aggregates)
    : UnaryLogicalOperator(input, SchemaOf(groups, aggregates))
{
    public IReadOnlyList<NamedExpr> Groups { get; } = groups;

    public IReadOnlyList<AggregateCall> Aggregates { get; } = aggregates;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalAggregate(input, Groups, Aggregates);

    public override string Describe() => $"Aggregate [{Join(Aggregates)}] by [{Join(Groups)}]";

    public override void Verify()
    {
        foreach (var group in Groups)
        {
            VerifyColumns(group.Expression, Input.Schema, this);
        }

        foreach (var aggregate in Aggregates)
        {
            foreach (var argument in aggregate.Arguments)
            {
                VerifyColumns(argument, Input.Schema, this);
            }
        }

        base.Verify();
    }

    private static TableSchema SchemaOf(IReadOnlyList<NamedExpr> groups, IReadOnlyList<AggregateCall> aggregates)
    {
        var columns = new List<ColumnSymbol>();
        foreach (var group in groups)
        {
            columns.Add(new ColumnSymbol(group.Name, group.Expression.Type));
        }

        foreach (var aggregate in aggregates)
        {
            columns.AddRange(aggregate.Outputs);
        }

        return new TableSchema(columns);
    }
}
