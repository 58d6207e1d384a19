using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// search over the piped input or the tables of <c>in (...)</c> (not the whole workspace): a bare string term
    /// matches when any string or dynamic column has it (<c>x*</c> hasprefix, <c>*x</c> hassuffix, <c>*x*</c>
    /// contains, other wildcards a regex; kind=case_sensitive uses the _cs operators); other predicates are evaluated
    /// as in where. The result is <c>$table</c> (the table's name) followed by the sources' columns.
    /// </summary>
    private LogicalOperator PlanSearch(SearchOperator search, LogicalOperator? input, TableSchema output)
    {
        var caseSensitive = false;
        foreach (var parameter in search.Parameters)
        {
            var value = parameter.Value is NameReference n ? n.SimpleName : parameter.Value.ToString().Trim();
            caseSensitive = parameter.Name.Text == "kind" && value == "case_sensitive"
                ? true
                : parameter.Name.Text == "kind" && value is "default" or "case_insensitive"
                    ? false
                    : throw QueryException.NotSupported($"The search parameter '{parameter}'");
        }

        List<(string Table, LogicalOperator Rows)> sources;
        if (search.In is { } inClause)
        {
            sources = InTables(inClause, "search");
        }
        else if (input is not null)
        {
            var scanned = input is LogicalFilter { Input: LogicalScan windowed } && _timeWindow is not null ? windowed : input;
            sources = [(scanned is LogicalScan scan ? scan.Table.Name : string.Empty, input)];
        }
        else
        {
            // The whole workspace: every table storage holds; the columns are all of theirs.
            sources = WorkspaceTables();
            output = WorkspaceSearchSchema(output.Columns[0].Name, sources);
        }

        var parts = new List<LogicalOperator>();
        foreach (var (table, rows) in sources)
        {
            var filtered = new LogicalFilter(rows, PlanSearchPredicate(search.Predicate, rows.Schema, caseSensitive));
            var columns = new List<NamedExpr> { new(output.Columns[0].Name, new ConstantExpr(ScalarValue.FromString(table))) };
            for (var i = 1; i < output.Count; i++)
            {
                var column = output.Columns[i];
                var type = PlanTypes.Normalize(column.Type);
                var index = rows.Schema.IndexOf(column.Name);
                columns.Add(index >= 0 && PlanTypes.Normalize(rows.Schema.Columns[index].Type) == type
                    ? new NamedExpr(column.Name, ColumnOf(rows.Schema, column.Name))
                    : new NamedExpr(column.Name, new ConstantExpr(ScalarValue.Null(type))));
            }

            parts.Add(new LogicalProject(filtered, columns));
        }

        return parts.Count switch
        {
            0 => new LogicalValues(output, [], "search"),
            1 => parts[0],
            _ => new LogicalUnion(parts, parts[0].Schema),
        };
    }

    /// <summary><c>$table</c> and the searched tables' columns by name (a name's first type wins; other types read null).</summary>
    private static TableSchema WorkspaceSearchSchema(string tableColumn, List<(string Table, LogicalOperator Rows)> sources)
    {
        var columns = new List<ColumnSymbol> { new(tableColumn, ScalarType.String) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { tableColumn };
        foreach (var (_, rows) in sources)
        {
            foreach (var column in rows.Schema.Columns)
            {
                if (seen.Add(column.Name))
                {
                    columns.Add(column.WithType(PlanTypes.Normalize(column.Type)));
                }
            }
        }

        return new TableSchema(columns);
    }

    private ScalarExpr PlanSearchPredicate(Expression predicate, TableSchema schema, bool caseSensitive)
    {
        switch (predicate)
        {
            case ParenthesizedExpression p:
                return PlanSearchPredicate(p.Expression, schema, caseSensitive);
            case LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } or CompoundStringLiteralExpression:
                return PlanSearchTerm(ConstantText(predicate), schema, caseSensitive);
            case BinaryExpression { Left: StarExpression, Right: var term } star:
            {
                // "* has x" (and the other string operators): any string or dynamic column matches.
                var op = OperatorName(star.OperatorKind, star);
                var value = PlanScalar(term, schema);
                ScalarExpr? any = null;
                for (var i = 0; i < schema.Count; i++)
                {
                    var type = PlanTypes.Normalize(schema.Columns[i].Type);
                    if (type is ScalarType.String or ScalarType.Dynamic)
                    {
                        var column = FunctionRegistry.Convert(new ColumnExpr(i, schema.Columns[i].Name, type), ScalarType.String);
                        var match = FunctionRegistry.TryBind(op, [column, value], ScalarType.Bool)
                            ?? throw QueryException.NotSupported($"The search predicate '{Snippet(predicate)}'");
                        any = any is null ? match : FunctionRegistry.TryBind("or", [any, match], ScalarType.Bool);
                    }
                }

                return any ?? new ConstantExpr(ScalarValue.FromBool(false));
            }

            case BinaryExpression { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } logical:
            {
                var name = logical.OperatorKind == BinaryOperatorKind.And ? "and" : "or";
                var left = PlanSearchPredicate(logical.Left, schema, caseSensitive);
                var right = PlanSearchPredicate(logical.Right, schema, caseSensitive);
                return FunctionRegistry.TryBind(name, [left, right], ScalarType.Bool)
                    ?? throw QueryException.NotSupported($"The search predicate '{Snippet(predicate)}'");
            }

            default:
                return FunctionsOrConvert(PlanScalar(predicate, schema), ScalarType.Bool);
        }
    }

    /// <summary>Whether any string or dynamic column matches the term.</summary>
    private static ScalarExpr PlanSearchTerm(string term, TableSchema schema, bool caseSensitive)
    {
        var suffix = caseSensitive ? "_cs" : string.Empty;
        var inner = term.Trim('*');
        string op;
        ScalarExpr pattern;
        if (inner.Contains('*', StringComparison.Ordinal))
        {
            op = "matches regex";
            var regex = string.Join(".*", inner.Split('*').Select(System.Text.RegularExpressions.Regex.Escape));
            pattern = new ConstantExpr(ScalarValue.FromString((caseSensitive ? string.Empty : "(?i)") + regex));
        }
        else
        {
            var leading = term.StartsWith('*');
            var trailing = term.EndsWith('*') && term.Length > 1;
            op = (leading, trailing) switch
            {
                (true, true) => "contains",
                (false, true) => "hasprefix",
                (true, false) => "hassuffix",
                _ => "has",
            } + suffix;
            pattern = new ConstantExpr(ScalarValue.FromString(inner));
        }

        ScalarExpr? any = null;
        for (var i = 0; i < schema.Count; i++)
        {
            var type = PlanTypes.Normalize(schema.Columns[i].Type);
            if (type is not (ScalarType.String or ScalarType.Dynamic))
            {
                continue;
            }

            var column = FunctionRegistry.Convert(new ColumnExpr(i, schema.Columns[i].Name, type), ScalarType.String);
            var match = FunctionRegistry.TryBind(op, [column, pattern], ScalarType.Bool)
                ?? throw QueryException.NotSupported($"search with '{op}'");
            any = any is null ? match : FunctionRegistry.TryBind("or", [any, match], ScalarType.Bool);
        }

        return any ?? new ConstantExpr(ScalarValue.FromBool(false));
    }
}
