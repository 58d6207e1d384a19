using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// <c>mv-apply</c>: for each input row, <see cref="Subquery"/> runs over that row's expansion (its leaf is a
/// <see cref="LogicalApplyRows"/> reading the row from <see cref="Feed"/>, under a <see cref="LogicalMvExpand"/>);
/// each of its result rows is output after the input row's <see cref="KeptOrdinals"/> columns. The subquery is
/// planned once and not a child: the optimizer leaves it as planned.
/// </summary>
internal sealed class LogicalMvApply(
    LogicalOperator input, LogicalOperator subquery, ApplyFeed feed, int[] keptOrdinals, TableSchema schema)
    : UnaryLogicalOperator(input, schema)
{
    public LogicalOperator Subquery { get; } = subquery;

    public ApplyFeed Feed { get; } = feed;

    /// <summary>Input ordinals of the columns that precede the subquery's in the output.</summary>
    public int[] KeptOrdinals { get; } = keptOrdinals;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalMvApply(input, Subquery, Feed, KeptOrdinals, Schema);

    public override string Describe() =>
        $"MvApply keep [{Join(KeptOrdinals.Select(o => Input.Schema.Columns[o].Name))}] "
        + $"on ({Subquery.Explain().Trim().Replace("\n", " / ", StringComparison.Ordinal)})";

    public override void Verify()
    {
        foreach (var ordinal in KeptOrdinals)
        {
            if ((uint)ordinal >= (uint)Input.Schema.Count)
            {
                throw new InvalidOperationException(
                    $"Plan invariant: {Describe()} keeps column #{ordinal} of a {Input.Schema.Count}-column input.");
            }
        }

        if (Schema.Count != KeptOrdinals.Length + Subquery.Schema.Count)
        {
            throw new InvalidOperationException($"Plan invariant: {Describe()} has {Schema.Count} columns.");
        }

        Subquery.Verify();
        base.Verify();
    }
}

/// <summary>The leaf of an mv-apply subquery: the one input row the subquery currently runs for.</summary>
internal sealed class LogicalApplyRows(TableSchema schema, ApplyFeed feed) : LeafLogicalOperator(schema)
{
    public ApplyFeed Feed { get; } = feed;

    public override string Describe() => "ApplyRows";
}

/// <summary>Where the running mv-apply puts the row its subquery reads (a batch and a physical row of it).</summary>
internal sealed class ApplyFeed
{
    public Execution.Vectors.Batch? Batch { get; set; }

    public int Row { get; set; }
}
