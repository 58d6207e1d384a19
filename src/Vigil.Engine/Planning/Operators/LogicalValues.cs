using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>Rows written in the query: <c>print</c> (one row of expressions) and <c>datatable</c> (rows of constants).</summary>
internal sealed class LogicalValues(TableSchema schema, IReadOnlyList<ScalarExpr[]> rows, string kind) : LeafLogicalOperator(schema)
{
    public IReadOnlyList<ScalarExpr[]> Rows { get; } = rows;

    /// <summary><c>print</c> or <c>datatable</c> (for EXPLAIN).</summary>
    public string Kind { get; } = kind;

    public LogicalValues WithRows(IReadOnlyList<ScalarExpr[]> rows) => new(Schema, rows, Kind);

    public override string Describe() =>
        Rows.Count == 1 ? $"Values({Kind}) [{Join(Rows[0].Select((e, i) => $"{Schema.Columns[i].Name}={e}"))}]" : $"Values({Kind}) {Schema} x{Rows.Count}";
}
