using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// Reads a workspace table. <see cref="Columns"/> are the table ordinals it outputs (projection pruning narrows
/// them); <see cref="Filters"/> are conjuncts over the table's full column list that predicate pushdown moved here
/// (the scan evaluates them right after decoding); <see cref="Pruning"/> is what the scan can use to skip extents
/// and blocks without decoding them.
/// </summary>
internal sealed class LogicalScan : LeafLogicalOperator
{
    public LogicalScan(TableSymbol table, int[] columns, ScalarExpr[] filters, ScanPruning pruning)
        : base(SchemaOf(table, columns))
    {
        Table = table;
        Columns = columns;
        Filters = filters;
        Pruning = pruning;
    }

    public TableSymbol Table { get; }

    public int[] Columns { get; }

    public ScalarExpr[] Filters { get; }

    public ScanPruning Pruning { get; }

    public static LogicalScan AllColumns(TableSymbol table)
    {
        var columns = new int[table.Columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = i;
        }

        return new LogicalScan(table, columns, [], ScanPruning.None);
    }

    public LogicalScan WithColumns(int[] columns) => new(Table, columns, Filters, Pruning);

    public LogicalScan WithFilters(ScalarExpr[] filters, ScanPruning pruning) => new(Table, Columns, filters, pruning);

    public override string Describe()
    {
        var text = $"Scan {Table.Name} [{Join(Schema.Columns.Select(c => c.Name))}]";
        if (Filters.Length > 0)
        {
            text += " filters: " + Join(Filters.Select(f => f.ToString()));
        }

        return Pruning.IsEmpty ? text : text + " " + Pruning;
    }

    public override void Verify()
    {
        var full = Table.Schema;
        foreach (var filter in Filters)
        {
            VerifyColumns(filter, full, this);
        }
    }

    private static TableSchema SchemaOf(TableSymbol table, int[] columns)
    {
        var list = new ColumnSymbol[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var c = table.Columns[columns[i]];
            list[i] = c.WithType(PlanTypes.Normalize(c.Type));
        }

        // Keep the table's column aliases (Defender's AccountUpn for AccountUPN) for names resolved above the scan.
        return new TableSchema(list, aliases: table.Schema.Aliases);
    }
}
