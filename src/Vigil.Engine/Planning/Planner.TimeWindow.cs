using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// A table scan restricted to the query's <see cref="TimeWindow"/> (a filter on the scan, which predicate
    /// pushdown then uses to prune extents).
    /// </summary>
    private LogicalOperator ScanTable(TableSymbol table)
    {
        var scan = LogicalScan.AllColumns(table);
        if (_timeWindow is not { } window)
        {
            return scan;
        }

        var ordinal = TimeColumn(table, "TimeGenerated");
        if (ordinal < 0)
        {
            ordinal = TimeColumn(table, "Timestamp");
        }

        if (ordinal < 0)
        {
            return scan;
        }

        var column = new ColumnExpr(ordinal, table.Columns[ordinal].Name, ScalarType.DateTime);
        var start = new ConstantExpr(ScalarValue.FromDateTime(window.Start.ToUniversalTime().Ticks));
        var end = new ConstantExpr(ScalarValue.FromDateTime(window.End.ToUniversalTime().Ticks));
        var predicate = FunctionRegistry.TryBind("and",
            [
                FunctionRegistry.TryBind(">=", [column, start], ScalarType.Bool)!,
                FunctionRegistry.TryBind("<=", [column, end], ScalarType.Bool)!,
            ],
            ScalarType.Bool)!;
        return new LogicalFilter(scan, predicate);
    }

    private static int TimeColumn(TableSymbol table, string name)
    {
        for (var i = 0; i < table.Columns.Length; i++)
        {
            if (table.Columns[i].Name == name && table.Columns[i].Type == ScalarType.DateTime)
            {
                return i;
            }
        }

        return -1;
    }
}
