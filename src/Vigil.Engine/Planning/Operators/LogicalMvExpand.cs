using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// <c>mv-expand</c> over columns already computed: each input row becomes one row per element of the widest of the
/// <see cref="Ordinals"/> columns' arrays or bags (shorter ones padded with null, a null value gives one row, an empty
/// array or bag none), at most <see cref="Limit"/> rows. Expanded columns keep their place and take the types of
/// <see cref="LogicalOperator.Schema"/>; the other columns repeat. With <see cref="IndexOrdinal"/> set, that output
/// column holds the element's position (<c>with_itemindex</c>).
/// </summary>
internal sealed class LogicalMvExpand(
    LogicalOperator input, int[] ordinals, bool bagAsArray, int indexOrdinal, long limit, TableSchema schema)
    : UnaryLogicalOperator(input, schema)
{
    /// <summary>Input (and output) ordinals of the expanded columns.</summary>
    public int[] Ordinals { get; } = ordinals;

    /// <summary><c>bagexpansion=array</c>: a property becomes <c>[key, value]</c> instead of <c>{key: value}</c>.</summary>
    public bool BagAsArray { get; } = bagAsArray;

    /// <summary>The output ordinal of the item index column, or -1.</summary>
    public int IndexOrdinal { get; } = indexOrdinal;

    public long Limit { get; } = limit;

    public override LogicalOperator WithInput(LogicalOperator input) =>
        new LogicalMvExpand(input, Ordinals, BagAsArray, IndexOrdinal, Limit, Schema);

    public override string Describe() =>
        $"MvExpand [{Join(Ordinals.Select(o => $"{Schema.Columns[o].Name}:{TypeFacts.GetName(Schema.Columns[o].Type)}"))}]"
        + (BagAsArray ? " bagexpansion=array" : string.Empty)
        + (IndexOrdinal >= 0 ? $" with_itemindex={Schema.Columns[IndexOrdinal].Name}" : string.Empty)
        + (Limit < int.MaxValue ? $" limit {Limit}" : string.Empty);

    public override void Verify()
    {
        foreach (var ordinal in Ordinals)
        {
            if ((uint)ordinal >= (uint)Input.Schema.Count)
            {
                throw new InvalidOperationException(
                    $"Plan invariant: {Describe()} expands column #{ordinal} of a {Input.Schema.Count}-column input.");
            }
        }

        if (Schema.Count < Input.Schema.Count || Schema.Count > Input.Schema.Count + 1)
        {
            throw new InvalidOperationException($"Plan invariant: {Describe()} has {Schema.Count} columns over {Input.Schema.Count}.");
        }

        base.Verify();
    }
}
