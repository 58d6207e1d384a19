using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// schema_merge([PreserveOrder]): the input holds getschema outputs one after another (each starts again at
    /// ColumnOrdinal 0). Columns merge by name: a new column is inserted at its ordinal in the schema that brings it
    /// (as the reference shows Referrer, at ordinal 1 of the second schema, landing before HttpStatus); with
    /// PreserveOrder (the default) a known column must keep the ordinal of the first schema it appeared in, else it
    /// becomes an error row (ordinal -1). Types reduce when equal or numeric (int, then long, then real); others are
    /// errors too. Output: ColumnName, ColumnOrdinal (position in the merged schema), DataType, ColumnType.
    /// </summary>
    private LogicalValues PlanSchemaMerge(FunctionCallExpression call, LogicalOperator input)
    {
        var (arguments, named) = PluginArguments(call);
        var preserveOrder = true;
        var option = named.TryGetValue("PreserveOrder", out var namedOption) ? namedOption : arguments.Count > 0 ? arguments[0] : null;
        if (option is not null)
        {
            var value = PluginConstant(option, "schema_merge PreserveOrder");
            if (value.IsNull || value.Type != ScalarType.Bool)
            {
                throw new QueryException(QueryErrorKind.Semantic, "schema_merge's PreserveOrder must be a bool.");
            }

            preserveOrder = value.Bool;
        }

        int Column(string name)
        {
            var index = input.Schema.IndexOf(name);
            return index >= 0 ? index : throw new QueryException(QueryErrorKind.Semantic, $"schema_merge's input must be getschema output; it has no column '{name}'.");
        }

        var (nameColumn, ordinalColumn, dataColumn, typeColumn) = (Column("ColumnName"), Column("ColumnOrdinal"), Column("DataType"), Column("ColumnType"));
        var merged = new List<MergedColumn>();
        var previousOrdinal = long.MaxValue;
        var seenInSchema = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Materialize(input))
        {
            var name = PluginValues.Text(row[nameColumn]);
            var ordinal = row[ordinalColumn].IsNull ? 0 : row[ordinalColumn].Int64;
            if (ordinal <= previousOrdinal)
            {
                seenInSchema.Clear();
            }

            previousOrdinal = ordinal;
            if (!seenInSchema.Add(name))
            {
                continue;
            }

            var type = PluginValues.Text(row[typeColumn]);
            var existing = merged.Find(c => c.Name == name);
            if (existing is null)
            {
                merged.Insert((int)Math.Clamp(ordinal, 0, merged.Count), new MergedColumn(name, ordinal, PluginValues.Text(row[dataColumn]), type));
                continue;
            }

            if (existing.Error is not null)
            {
                continue;
            }

            if (preserveOrder && existing.FirstOrdinal != ordinal)
            {
                existing.Error = "columns are out of order";
            }
            else if (existing.ColumnType != type)
            {
                var reduced = NumericRank(existing.ColumnType) is var left && NumericRank(type) is var right && left > 0 && right > 0
                    ? (left >= right ? existing.ColumnType : type)
                    : null;
                if (reduced is null)
                {
                    existing.Error = $"column types {existing.ColumnType} and {type} can't be reduced";
                }
                else if (reduced != existing.ColumnType)
                {
                    existing.ColumnType = reduced;
                    existing.DataType = PluginValues.Text(row[dataColumn]);
                }
            }
        }

        var schema = new TableSchema(
        [
            new ColumnSymbol("ColumnName", ScalarType.String),
            new ColumnSymbol("ColumnOrdinal", ScalarType.Int),
            new ColumnSymbol("DataType", ScalarType.String),
            new ColumnSymbol("ColumnType", ScalarType.String),
        ]);
        var rows = new List<ScalarValue[]>(merged.Count);
        for (var i = 0; i < merged.Count; i++)
        {
            var column = merged[i];
            rows.Add(column.Error is { } error
                ?
                [
                    ScalarValue.FromString(column.Name), ScalarValue.FromInt(-1),
                    ScalarValue.FromString($"ERROR(unknown CSL type:ERROR({error}))"), ScalarValue.FromString($"ERROR({error})"),
                ]
                :
                [
                    ScalarValue.FromString(column.Name), ScalarValue.FromInt(i),
                    ScalarValue.FromString(column.DataType), ScalarValue.FromString(column.ColumnType),
                ]);
        }

        return PluginResult(schema, rows);
    }

    private static int NumericRank(string columnType) => columnType switch
    {
        "int" => 1,
        "long" => 2,
        "real" => 3,
        _ => 0,
    };

    /// <summary>A column of the merged schema as schema_merge builds it.</summary>
    private sealed class MergedColumn(string name, long firstOrdinal, string dataType, string columnType)
    {
        public string Name { get; } = name;

        public long FirstOrdinal { get; } = firstOrdinal;

        public string DataType { get; set; } = dataType;

        public string ColumnType { get; set; } = columnType;

        public string? Error { get; set; }
    }
}
