using System.Text.RegularExpressions;
using Vigil.Engine.Execution.Extraction;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>parse-kv: each key of the schema becomes its column (converted where possible, else null).</summary>
    private LogicalParse PlanParseKv(ParseKvOperator parseKv, LogicalOperator input, TableSchema output)
    {
        string? pairDelimiter = null, kvDelimiter = null;
        var greedy = false;
        Regex? regex = null;
        var quotes = new List<(char Open, char Close)>();
        var escapes = new List<char>();
        var properties = new List<NamedParameter>();
        if (parseKv.With is { } with)
        {
            foreach (var property in with.Properties)
            {
                properties.Add(property);
            }
        }

        foreach (var property in properties)
        {
            var value = ConstantText(property.Value);
            switch (property.Name.Text)
            {
                case "pair_delimiter": pairDelimiter = NonEmpty(value, "pair_delimiter"); break;
                case "kv_delimiter": kvDelimiter = NonEmpty(value, "kv_delimiter"); break;
                case "greedy": greedy = value is "true" or "True"; break;
                case "quote":
                    quotes.Add(value.Length switch
                    {
                        1 => (value[0], value[0]),
                        2 => (value[0], value[1]),
                        _ => throw new QueryException(QueryErrorKind.Semantic, "parse-kv quote must be one or two characters."),
                    });
                    break;
                case "escape":
                    escapes.Add(value.Length == 1
                        ? value[0]
                        : throw new QueryException(QueryErrorKind.Semantic, "parse-kv escape must be one character."));
                    break;
                case "regex":
                    try
                    {
                        regex = new Regex(value, RegexOptions.CultureInvariant, ParseTimeout);
                    }
                    catch (ArgumentException e)
                    {
                        throw new QueryException(QueryErrorKind.Semantic, $"The parse-kv regex is not valid: {e.Message}");
                    }

                    break;
                default:
                    throw QueryException.NotSupported($"The parse-kv parameter '{property.Name.Text}'");
            }
        }

        if ((pairDelimiter is null) != (kvDelimiter is null))
        {
            throw new QueryException(QueryErrorKind.Semantic, "parse-kv needs both pair_delimiter and kv_delimiter, or neither.");
        }

        var keys = new List<string>();
        var ordinals = new List<int>();
        foreach (var column in parseKv.Schema.Columns)
        {
            if (column is not NameAndTypeDeclaration declaration)
            {
                throw QueryException.NotSupported($"The parse-kv key '{Snippet(column)}'");
            }

            var name = declaration.Name.SimpleName;
            keys.Add(name);
            ordinals.Add(output.IndexOf(name) is >= 0 and var ordinal
                ? ordinal
                : throw new QueryException(QueryErrorKind.Semantic, $"The parse-kv key '{name}' is missing from the result."));
        }

        var extractor = new KeyValueExtractor(keys, pairDelimiter, kvDelimiter, greedy, regex, quotes, escapes);
        var source = Functions.FunctionRegistry.Convert(PlanScalar(parseKv.Source, input.Schema), ScalarType.String);
        return new LogicalParse(input, source, extractor, [.. ordinals], relaxed: true, keepOnlyMatches: false, output);
    }

    private static string NonEmpty(string value, string what) =>
        value.Length > 0 ? value : throw new QueryException(QueryErrorKind.Semantic, $"parse-kv {what} must not be empty.");
}
