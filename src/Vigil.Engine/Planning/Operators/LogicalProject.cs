using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// Computes each output column from the input row: <c>project</c>, <c>extend</c>, <c>project-away</c>,
/// <c>project-keep</c>, <c>project-rename</c>, <c>project-reorder</c> all plan to this.
/// </summary>
internal sealed class LogicalProject(LogicalOperator input, IReadOnlyList<NamedExpr> columns)
    : UnaryLogicalOperator(input, SchemaOf(columns))
{
    public IReadOnlyList<NamedExpr> Columns { get; } = columns;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalProject(input, Columns);

    public override string Describe() => $"Project [{Join(Columns)}]";

    public override void Verify()
    {
        foreach (var column in Columns)
        {
            VerifyColumns(column.Expression, Input.Schema, this);
        }

        base.Verify();
    }

    internal static TableSchema SchemaOf(IReadOnlyList<NamedExpr> columns)
    {
        var list = new ColumnSymbol[columns.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new ColumnSymbol(columns[i].Name, columns[i].Expression.Type);
        }

        return new TableSchema(list);
    }
}
