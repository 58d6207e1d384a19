using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// bag_unpack(bag [, column_prefix] [, columnsConflict] [, ignoredProperties]): the input's other columns, then one
    /// dynamic column per top-level property found in any row (sorted by name, prefixed). A property named like an
    /// existing column is an error, replaces that column in place (<c>replace_source</c>) or is dropped
    /// (<c>keep_source</c>). With a declared output schema, the declared columns are filled from the bag, converted to
    /// their types, and the others from the input.
    /// </summary>
    private LogicalValues PlanBagUnpack(EvaluateOperator evaluate, FunctionCallExpression call, LogicalOperator input, TableSchema output)
    {
        var (positional, named) = PluginArguments(call);
        if (positional.Count == 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "bag_unpack needs the column to unpack.");
        }

        Expression? Option(int position, params string[] names)
        {
            if (positional.Count > position)
            {
                return positional[position];
            }

            foreach (var optionName in names)
            {
                if (named.TryGetValue(optionName, out var value))
                {
                    return value;
                }
            }

            return null;
        }

        var prefix = Option(1, "column_prefix", "columnPrefix") is { } prefixArgument ? PluginValues.Text(PluginConstant(prefixArgument, "column prefix")) : string.Empty;
        var conflict = Option(2, "columnsConflict", "columns_conflict") is { } conflictArgument ? PluginValues.Text(PluginConstant(conflictArgument, "columnsConflict option")) : "error";
        if (conflict is not ("error" or "replace_source" or "keep_source"))
        {
            throw new QueryException(QueryErrorKind.Semantic, $"bag_unpack's columnsConflict must be 'error', 'replace_source' or 'keep_source', not '{conflict}'.");
        }

        var ignored = new HashSet<string>(StringComparer.Ordinal);
        if (Option(3, "ignoredProperties", "ignored_property_names") is { } ignoredArgument && PluginConstant(ignoredArgument, "ignored properties") is { IsNull: false } list)
        {
            foreach (var item in list.Dynamic.ArrayItems)
            {
                ignored.Add(item.Kind == DynamicKind.String ? item.StringValue : item.ToString());
            }
        }

        // The input plus the bag's value as a last column.
        var (_, bagExpression) = Unname(positional[0]);
        var bagColumn = bagExpression is NameReference reference && input.Schema.IndexOf(reference.SimpleName) >= 0 ? reference.SimpleName : null;
        var projected = new List<NamedExpr>();
        foreach (var column in input.Schema.Columns)
        {
            projected.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
        }

        projected.Add(new NamedExpr("\u0001bag", Functions.FunctionRegistry.Convert(PlanScalar(bagExpression, input.Schema), ScalarType.Dynamic)));
        var rows = Materialize(new LogicalProject(input, projected));
        var bagIndex = input.Schema.Count;

        if (evaluate.Schema is not null)
        {
            return BagUnpackDeclared(input.Schema, output, rows, bagIndex, bagColumn, prefix);
        }

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var bag = row[bagIndex].Dynamic;
            if (bag.Kind == DynamicKind.Bag)
            {
                foreach (var key in bag.Bag.Keys)
                {
                    if (!ignored.Contains(key))
                    {
                        keys.Add(key);
                    }
                }
            }
        }

        // Output columns: (source index or -1, bag key or null).
        var columns = new List<ColumnSymbol>();
        var sources = new List<(int Input, string? Key)>();
        var keyOfColumn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            keyOfColumn[prefix + key] = key;
        }

        for (var index = 0; index < input.Schema.Count; index++)
        {
            var column = input.Schema.Columns[index];
            if (column.Name == bagColumn)
            {
                continue;
            }

            if (keyOfColumn.TryGetValue(column.Name, out var key))
            {
                switch (conflict)
                {
                    case "error":
                        throw new QueryException(QueryErrorKind.Semantic, $"bag_unpack: the property '{key}' would make a second column '{column.Name}' (use columnsConflict).");
                    case "replace_source":
                        columns.Add(new ColumnSymbol(column.Name, ScalarType.Dynamic));
                        sources.Add((-1, key));
                        keyOfColumn.Remove(column.Name);
                        continue;
                    default:
                        keyOfColumn.Remove(column.Name);
                        break;
                }
            }

            columns.Add(new ColumnSymbol(column.Name, PlanTypes.Normalize(column.Type)));
            sources.Add((index, null));
        }

        foreach (var key in keys)
        {
            if (keyOfColumn.ContainsKey(prefix + key))
            {
                columns.Add(new ColumnSymbol(prefix + key, ScalarType.Dynamic));
                sources.Add((-1, key));
            }
        }

        var result = new List<ScalarValue[]>(rows.Count);
        foreach (var row in rows)
        {
            var bag = row[bagIndex].Dynamic;
            var cells = new ScalarValue[columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                var (source, key) = sources[c];
                cells[c] = source >= 0 ? row[source] : ScalarValue.FromDynamic(bag.Kind == DynamicKind.Bag && bag.Bag.TryGetValue(key, out var value) ? value : DynamicValue.Null);
            }

            result.Add(cells);
        }

        return PluginResult(new TableSchema(columns), result);
    }

    private static LogicalValues BagUnpackDeclared(
        TableSchema input, TableSchema output, List<ScalarValue[]> rows, int bagIndex, string? bagColumn, string prefix)
    {
        var columns = new List<ColumnSymbol>();
        foreach (var column in output.Columns)
        {
            columns.Add(new ColumnSymbol(column.Name, PlanTypes.Normalize(column.Type)));
        }

        var result = new List<ScalarValue[]>(rows.Count);
        foreach (var row in rows)
        {
            var bag = row[bagIndex].Dynamic;
            var cells = new ScalarValue[columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                var column = columns[c];
                var key = column.Name.StartsWith(prefix, StringComparison.Ordinal) ? column.Name[prefix.Length..] : null;
                var inputIndex = column.Name == bagColumn ? -1 : input.IndexOf(column.Name);
                if (key is not null && bag.Kind == DynamicKind.Bag && bag.Bag.TryGetValue(key, out var value))
                {
                    cells[c] = PluginValues.FromDynamic(value, column.Type);
                }
                else
                {
                    cells[c] = inputIndex >= 0 ? PluginValues.Fit(row[inputIndex], column.Type) : PluginValues.Empty(column.Type);
                }
            }

            result.Add(cells);
        }

        return PluginResult(new TableSchema(columns), result);
    }
}
