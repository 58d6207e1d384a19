using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private LogicalValues PlanPrint(PrintOperator print)
    {
        var output = _bound.GetSchema(print) ?? throw QueryException.NotSupported("This print");
        var values = new List<ScalarExpr>();
        var columns = new List<ColumnSymbol>();
        foreach (var item in print.Expressions)
        {
            if (TryPlanTupleItem(item, TableSchema.Empty) is { } tuple)
            {
                foreach (var column in tuple)
                {
                    values.Add(column.Expression);
                    columns.Add(new ColumnSymbol(column.Name, column.Expression.Type));
                }

                continue;
            }

            var (_, expression) = Unname(item);
            var value = PlanScalar(expression, TableSchema.Empty);
            var i = values.Count;
            values.Add(value);
            columns.Add(new ColumnSymbol(i < output.Count ? output.Columns[i].Name : "print_" + i, value.Type));
        }

        return new LogicalValues(new TableSchema(columns), [[.. values]], "print");
    }

    private LogicalValues PlanDataTable(DataTableExpression datatable)
    {
        var output = _bound.GetSchema(datatable) ?? throw QueryException.NotSupported("This datatable");
        var width = output.Count;
        if (width == 0 || datatable.Values.Count % width != 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "The datatable's values do not fill whole rows.");
        }

        var rows = new List<ScalarExpr[]>();
        for (var start = 0; start < datatable.Values.Count; start += width)
        {
            var row = new ScalarExpr[width];
            for (var c = 0; c < width; c++)
            {
                var type = PlanTypes.Normalize(output.Columns[c].Type);
                row[c] = FunctionRegistry.Convert(PlanScalar(datatable.Values[start + c], TableSchema.Empty), type);
            }

            rows.Add(row);
        }

        var columns = new ColumnSymbol[width];
        for (var c = 0; c < width; c++)
        {
            columns[c] = output.Columns[c].WithType(PlanTypes.Normalize(output.Columns[c].Type));
        }

        return new LogicalValues(new TableSchema(columns), rows, "datatable");
    }

    private LogicalRange PlanRange(RangeOperator range)
    {
        var output = _bound.GetSchema(range) ?? throw QueryException.NotSupported("This range");
        var type = PlanTypes.Normalize(output.Columns[0].Type);
        var from = FunctionRegistry.Convert(PlanScalar(range.From, TableSchema.Empty), type);
        var to = FunctionRegistry.Convert(PlanScalar(range.To, TableSchema.Empty), type);
        var stepType = type == ScalarType.DateTime ? ScalarType.TimeSpan : type;
        var step = FunctionRegistry.Convert(PlanScalar(range.Step, TableSchema.Empty), stepType);
        return new LogicalRange(new TableSchema([new ColumnSymbol(output.Columns[0].Name, type)]), from, to, step);
    }
}
