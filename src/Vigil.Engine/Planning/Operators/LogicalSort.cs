using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Planning.Operators;

/// <summary>A sort key. Kusto's defaults: descending; nulls last when descending, first when ascending.</summary>
internal sealed record SortKey(ScalarExpr Expression, bool Descending, bool NullsFirst)
{
    public override string ToString() => $"{Expression} {(Descending ? "desc" : "asc")} nulls {(NullsFirst ? "first" : "last")}";
}

/// <summary><c>sort</c>/<c>order by</c>.</summary>
internal sealed class LogicalSort(LogicalOperator input, IReadOnlyList<SortKey> keys) : UnaryLogicalOperator(input, input.Schema)
{
    public IReadOnlyList<SortKey> Keys { get; } = keys;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalSort(input, Keys);

    public override string Describe() => $"Sort by {Join(Keys)}";

    public override void Verify()
    {
        foreach (var key in Keys)
        {
            VerifyColumns(key.Expression, Input.Schema, this);
        }

        base.Verify();
    }
}

/// <summary><c>top N by</c>, or a sort followed by a take that the top-N pass merged: keeps only N rows while sorting.</summary>
internal sealed class LogicalTopN(LogicalOperator input, IReadOnlyList<SortKey> keys, long count) : UnaryLogicalOperator(input, input.Schema)
{
    public IReadOnlyList<SortKey> Keys { get; } = keys;

    public long Count { get; } = count;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalTopN(input, Keys, Count);

    public override string Describe() => $"TopN {Count} by {Join(Keys)}";

    public override void Verify()
    {
        foreach (var key in Keys)
        {
            VerifyColumns(key.Expression, Input.Schema, this);
        }

        base.Verify();
    }
}
