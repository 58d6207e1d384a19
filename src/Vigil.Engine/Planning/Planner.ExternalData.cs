using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// <c>externaldata (c:type, ...) [uri, ...] [with (format=..., ignoreFirstRecord=...)]</c>: the files are read
    /// while planning (see <see cref="ExternalDataReader"/>) and their text cells converted to the declared types as
    /// the to*() functions do. The format comes from <c>format=</c>, else from the file's extension (csv otherwise).
    /// </summary>
    private LogicalOperator PlanExternalData(ExternalDataExpression externalData)
    {
        var schema = _bound.GetSchema(externalData) ?? throw QueryException.NotSupported("This externaldata schema");
        string? format = null;
        var ignoreFirstRecord = false;
        IReadOnlyList<NamedParameter> properties = externalData.With is { } with ? [.. with.Properties] : [];
        foreach (var property in properties)
        {
            var value = PropertyText(property.Value);
            switch (property.Name.Text)
            {
                case "format":
                    format = value.ToLowerInvariant();
                    break;
                case "ignoreFirstRecord":
                    ignoreFirstRecord = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    break;
                default:
                    throw QueryException.NotSupported($"The externaldata property '{property.Name.Text}'");
            }
        }

        var names = new List<string>(schema.Count);
        foreach (var column in schema.Columns)
        {
            names.Add(column.Name);
        }

        var records = new List<string?[]>();
        foreach (var uri in externalData.Uris)
        {
            var text = Optimizer.ConstantFolding.TryFold(PlanScalar(uri, TableSchema.Empty), _nowTicks) is { IsNull: false, Type: ScalarType.String } constant
                ? constant.String
                : throw new QueryException(QueryErrorKind.Semantic, $"The externaldata URI must be a constant string: '{Snippet(uri)}'.");
            ExternalDataReader.ReadRecords(ExternalDataReader.Fetch(text), format ?? ExternalDataReader.FormatOf(text), names, ignoreFirstRecord, records);
        }

        // The cells arrive as text and convert to the declared types (a missing or unparsable value is null); dynamic
        // cells are JSON (or else strings) parsed here.
        var textColumns = new List<ColumnSymbol>(schema.Count);
        var dynamic = new bool[schema.Count];
        for (var c = 0; c < schema.Count; c++)
        {
            dynamic[c] = PlanTypes.Normalize(schema.Columns[c].Type) == ScalarType.Dynamic;
            textColumns.Add(new ColumnSymbol(names[c], dynamic[c] ? ScalarType.Dynamic : ScalarType.String));
        }

        var rows = new List<ScalarExpr[]>(records.Count);
        foreach (var record in records)
        {
            var row = new ScalarExpr[record.Length];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = new ConstantExpr(!dynamic[c] ? ScalarValue.FromString(record[c] ?? string.Empty)
                    : string.IsNullOrEmpty(record[c]) ? ScalarValue.Null(ScalarType.Dynamic)
                    : ScalarValue.FromDynamic(Values.DynamicValue.ParseJsonOrString(record[c]!)));
            }

            rows.Add(row);
        }

        var values = new LogicalValues(new TableSchema(textColumns), rows, "externaldata");
        var converted = new List<NamedExpr>(schema.Count);
        for (var c = 0; c < schema.Count; c++)
        {
            var type = PlanTypes.Normalize(schema.Columns[c].Type);
            converted.Add(new NamedExpr(names[c], FunctionRegistry.Convert(new ColumnExpr(c, names[c], textColumns[c].Type), type)));
        }

        return new LogicalProject(values, converted);
    }

    /// <summary>A <c>with</c> property's value as text: a string literal's value, else the written text.</summary>
    private static string PropertyText(Expression value) =>
        value is LiteralExpression { Token.Kind: SyntaxKind.StringLiteral } literal
            ? SyntaxFacts.GetStringValue(literal.Token.Text) ?? string.Empty
            : value.ToString().Trim();
}
