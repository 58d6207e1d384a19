using Vigil.Engine.Execution.Extraction;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// <c>parse</c>, <c>parse-where</c> and <c>parse-kv</c>: <see cref="Extractor"/> pulls fields out of
/// <see cref="Source"/> (a string) into the output columns <see cref="Ordinals"/>, each converted to its column's
/// type. When the text does not match — or, unless <see cref="Relaxed"/>, a field does not convert — every extracted
/// column of the row is null (empty for strings); with <see cref="KeepOnlyMatches"/> (parse-where) such rows are
/// dropped instead. A field not found is null. The other columns pass through.
/// </summary>
internal sealed class LogicalParse(
    LogicalOperator input, ScalarExpr source, TextExtractor extractor, int[] ordinals, bool relaxed, bool keepOnlyMatches,
    TableSchema schema)
    : UnaryLogicalOperator(input, schema)
{
    public ScalarExpr Source { get; } = source;

    public TextExtractor Extractor { get; } = extractor;

    public int[] Ordinals { get; } = ordinals;

    public bool Relaxed { get; } = relaxed;

    public bool KeepOnlyMatches { get; } = keepOnlyMatches;

    public override LogicalOperator WithInput(LogicalOperator input) =>
        new LogicalParse(input, Source, Extractor, Ordinals, Relaxed, KeepOnlyMatches, Schema);

    public override string Describe() =>
        $"{(KeepOnlyMatches ? "ParseWhere" : "Parse")} {Source} with {Extractor.Describe()}{(Relaxed ? " relaxed" : string.Empty)} "
        + $"[{Join(Ordinals.Select(o => Schema.Columns[o].Name))}]";

    public override void Verify()
    {
        VerifyColumns(Source, Input.Schema, this);
        foreach (var ordinal in Ordinals)
        {
            if ((uint)ordinal >= (uint)Schema.Count)
            {
                throw new InvalidOperationException($"Plan invariant: {Describe()} writes column #{ordinal}.");
            }
        }

        if (Schema.Count < Input.Schema.Count)
        {
            throw new InvalidOperationException($"Plan invariant: {Describe()} drops input columns.");
        }

        base.Verify();
    }
}
