using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// pivot(pivotColumn [, aggregation [, column, ...]]): one row per distinct combination of the columns (by default
    /// every column but the pivot column and those the aggregation reads), and one column per distinct value of the
    /// pivot column (in order of appearance) holding the aggregation (count() by default) of that cell; a cell without
    /// rows gets the aggregation's value for no rows (0 for count and sum).
    /// </summary>
    private LogicalValues PlanPivot(EvaluateOperator evaluate, FunctionCallExpression call, LogicalOperator input, TableSchema output)
    {
        if (call.Arguments.Count == 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "pivot needs the column to pivot on.");
        }

        var pivotColumn = PluginColumn(call.Arguments[0], input.Schema, "pivot column");
        AggregateCall aggregate;
        var readByAggregate = new HashSet<string>(StringComparer.Ordinal);
        if (call.Arguments.Count > 1 && Unname(call.Arguments[1]).Expression is FunctionCallExpression aggregateCall
            && _bound.GetInfo(aggregateCall)?.IsAggregate == true)
        {
            var arguments = new List<ScalarExpr>();
            foreach (var argument in aggregateCall.Arguments)
            {
                if (argument is StarExpression)
                {
                    continue;
                }

                var (_, expression) = Unname(argument);
                foreach (var node in expression.DescendantsAndSelf())
                {
                    if (node is NameReference reference)
                    {
                        readByAggregate.Add(reference.SimpleName);
                    }
                }

                arguments.Add(PlanScalar(expression, input.Schema));
            }

            aggregate = new AggregateCall(
                NormalizeAggregateName(aggregateCall.Name.SimpleName), [.. arguments],
                [new ColumnSymbol("\u0001value", PlanTypes.Normalize(_bound.GetType(aggregateCall)))]);
        }
        else
        {
            aggregate = new AggregateCall("count", [], [new ColumnSymbol("\u0001value", ScalarType.Long)]);
        }

        var keyColumns = new List<string>();
        for (var i = 2; i < call.Arguments.Count; i++)
        {
            keyColumns.Add(PluginColumn(call.Arguments[i], input.Schema, "pivot's row column"));
        }

        if (call.Arguments.Count <= 2)
        {
            foreach (var column in input.Schema.Columns)
            {
                if (column.Name != pivotColumn && !readByAggregate.Contains(column.Name))
                {
                    keyColumns.Add(column.Name);
                }
            }
        }

        var groups = new List<NamedExpr>();
        foreach (var key in keyColumns)
        {
            groups.Add(new NamedExpr(key, ColumnOf(input.Schema, key)));
        }

        groups.Add(new NamedExpr("\u0001pivot", ColumnOf(input.Schema, pivotColumn)));
        var cells = Materialize(new LogicalAggregate(input, groups, [aggregate]));

        // Row keys and pivot values in order of appearance.
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowKeys = new List<ScalarValue[]>();
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var columnNames = new List<string>();
        var values = new Dictionary<(int Row, int Column), ScalarValue>();
        foreach (var cell in cells)
        {
            var keyText = new System.Text.StringBuilder();
            for (var k = 0; k < keyColumns.Count; k++)
            {
                keyText.Append(cell[k].IsNull ? "\u0002" : PluginValues.Text(cell[k])).Append('\u0001');
            }

            if (!rowOf.TryGetValue(keyText.ToString(), out var row))
            {
                row = rowKeys.Count;
                rowOf[keyText.ToString()] = row;
                rowKeys.Add(cell[..keyColumns.Count]);
            }

            var name = PluginValues.Text(cell[keyColumns.Count]);
            if (!columnOf.TryGetValue(name, out var column))
            {
                column = columnNames.Count;
                columnOf[name] = column;
                columnNames.Add(name);
            }

            values[(row, column)] = cell[keyColumns.Count + 1];
        }

        var valueType = aggregate.Outputs[0].Type;
        var empty = EmptyAggregate(aggregate.Function, valueType);
        var schemaColumns = new List<ColumnSymbol>();
        foreach (var key in keyColumns)
        {
            schemaColumns.Add(new ColumnSymbol(key, PlanTypes.Normalize(input.Schema.Columns[input.Schema.IndexOf(key)].Type)));
        }

        var used = new HashSet<string>(keyColumns, StringComparer.Ordinal);
        foreach (var name in columnNames)
        {
            schemaColumns.Add(new ColumnSymbol(TableSchema.MakeUnique(name.Length == 0 ? "Column1" : name, used), valueType));
        }

        var rows = new List<ScalarValue[]>(rowKeys.Count);
        for (var r = 0; r < rowKeys.Count; r++)
        {
            var row = new ScalarValue[schemaColumns.Count];
            rowKeys[r].CopyTo(row, 0);
            for (var c = 0; c < columnNames.Count; c++)
            {
                row[keyColumns.Count + c] = values.TryGetValue((r, c), out var value) ? value : empty;
            }

            rows.Add(row);
        }

        var result = PluginResult(new TableSchema(schemaColumns), rows);
        return evaluate.Schema is null ? result : Declared(result, output);
    }

    /// <summary>An aggregate's value over no rows, as a pivot cell without rows shows it.</summary>
    private static ScalarValue EmptyAggregate(string function, ScalarType type) => function switch
    {
        "count" or "countif" or "dcount" or "dcountif" or "count_distinct" or "sum" or "sumif" => type switch
        {
            ScalarType.Real => ScalarValue.FromReal(0),
            ScalarType.Decimal => ScalarValue.FromDecimal(0),
            ScalarType.Int or ScalarType.Long or ScalarType.TimeSpan => ScalarValue.FromInt64(type, 0),
            _ => PluginValues.Empty(type),
        },
        "make_list" or "make_set" or "make_list_if" or "make_set_if" => ScalarValue.FromDynamic(DynamicValue.EmptyArray),
        "make_bag" or "make_bag_if" => ScalarValue.FromDynamic(DynamicValue.EmptyBag),
        _ => PluginValues.Empty(type),
    };

    /// <summary>A plugin's rows fitted to the declared output schema (columns matched by name; missing ones empty).</summary>
    private static LogicalValues Declared(LogicalValues result, TableSchema declared)
    {
        var columns = new List<ColumnSymbol>();
        foreach (var column in declared.Columns)
        {
            columns.Add(new ColumnSymbol(column.Name, PlanTypes.Normalize(column.Type)));
        }

        var rows = new List<ScalarValue[]>(result.Rows.Count);
        foreach (var source in result.Rows)
        {
            var row = new ScalarValue[columns.Count];
            for (var c = 0; c < row.Length; c++)
            {
                var index = result.Schema.IndexOf(columns[c].Name);
                row[c] = index >= 0 ? PluginValues.Fit(((ConstantExpr)source[index]).Value, columns[c].Type) : PluginValues.Empty(columns[c].Type);
            }

            rows.Add(row);
        }

        return PluginResult(new TableSchema(columns), rows);
    }
}
