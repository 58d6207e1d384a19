using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// <c>find [withsource=Name] [in (tables)] where Predicate [project-smart | project c[:type], ..., pack_all()]</c>.
    /// Tables that have none of the predicate's columns are left out; a predicate column a table lacks is null there.
    /// project-smart (the default) keeps the predicate's columns and the columns every remaining table has (a column
    /// with several types gets one column per type, <c>Name_type</c>), and packs each row's other columns into
    /// <c>pack_</c>. <c>project</c> keeps the listed columns (null where a table lacks one, converted when typed) and
    /// <c>pack_all()</c> packs the columns not listed. The first column names the row's table (<c>source_</c>).
    /// </summary>
    private LogicalOperator PlanFind(FindOperator find)
    {
        var sourceColumn = "source_";
        foreach (var parameter in find.Parameters)
        {
            sourceColumn = parameter.Name.Text is "withsource" or "with_source"
                ? parameter.Value.ToString().Trim()
                : throw QueryException.NotSupported($"The find parameter '{parameter.Name.Text}'");
        }

        var sources = find.In is { } inClause ? InTables(inClause, "find") : WorkspaceTables();
        var predicateColumns = PredicateColumns(find.Predicate, out var searchesEveryColumn);

        // Tables without any column of the predicate do not take part.
        var kept = new List<(string Name, LogicalOperator Rows)>();
        foreach (var source in sources)
        {
            if (searchesEveryColumn || predicateColumns.Exists(c => source.Rows.Schema.IndexOf(c) >= 0))
            {
                kept.Add(source);
            }
        }

        var typeOf = new Dictionary<string, ScalarType>(StringComparer.Ordinal);
        foreach (var (_, rows) in kept)
        {
            foreach (var column in rows.Schema.Columns)
            {
                typeOf.TryAdd(column.Name, PlanTypes.Normalize(column.Type));
            }
        }

        var filtered = new List<(string Name, LogicalOperator Rows)>();
        foreach (var (name, rows) in kept)
        {
            // A predicate column this table lacks reads as null (of the type other tables give it).
            var widened = rows;
            var missing = predicateColumns.FindAll(c => rows.Schema.IndexOf(c) < 0);
            if (missing.Count > 0)
            {
                var columns = new List<NamedExpr>();
                foreach (var column in rows.Schema.Columns)
                {
                    columns.Add(new NamedExpr(column.Name, ColumnOf(rows.Schema, column.Name)));
                }

                foreach (var column in missing)
                {
                    columns.Add(new NamedExpr(column, new ConstantExpr(ScalarValue.Null(typeOf.GetValueOrDefault(column, ScalarType.String)))));
                }

                widened = new LogicalProject(rows, columns);
            }

            var predicate = PlanSearchPredicate(find.Predicate, widened.Schema, caseSensitive: false);
            filtered.Add((name, new LogicalFilter(widened, predicate) is var filter && missing.Count > 0
                ? SelectByName(filter, rows.Schema, renames: null)
                : filter));
        }

        return find.Project is { Keyword.Text: "project" } project
            ? FindProject(project, filtered, sourceColumn, typeOf)
            : FindProjectSmart(filtered, predicateColumns, sourceColumn);
    }

    private LogicalOperator FindProjectSmart(List<(string Name, LogicalOperator Rows)> tables, List<string> predicateColumns, string sourceColumn)
    {
        // Output columns: by name and type, in order of first appearance.
        var typesOf = new Dictionary<string, List<ScalarType>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (_, rows) in tables)
        {
            foreach (var column in rows.Schema.Columns)
            {
                var type = PlanTypes.Normalize(column.Type);
                if (!typesOf.TryGetValue(column.Name, out var types))
                {
                    typesOf[column.Name] = types = [];
                    order.Add(column.Name);
                }

                if (!types.Contains(type))
                {
                    types.Add(type);
                }
            }
        }

        var output = new List<(string Output, string Source, ScalarType Type)>();
        foreach (var name in order)
        {
            var types = typesOf[name];
            var inPredicate = predicateColumns.Contains(name);
            var common = types.Count == 1 && tables.TrueForAll(t => t.Rows.Schema.IndexOf(name) >= 0);
            if (!inPredicate && !common)
            {
                continue;
            }

            foreach (var type in types)
            {
                output.Add((types.Count == 1 ? name : name + "_" + TypeFacts.GetName(type), name, type));
            }
        }

        var parts = new List<LogicalOperator>();
        foreach (var (table, rows) in tables)
        {
            var columns = new List<NamedExpr> { new(sourceColumn, new ConstantExpr(ScalarValue.FromString(table))) };
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, source, type) in output)
            {
                var index = rows.Schema.IndexOf(source);
                if (index >= 0 && PlanTypes.Normalize(rows.Schema.Columns[index].Type) == type)
                {
                    columns.Add(new NamedExpr(name, ColumnOf(rows.Schema, source)));
                    used.Add(source);
                }
                else
                {
                    columns.Add(new NamedExpr(name, new ConstantExpr(ScalarValue.Null(type))));
                }
            }

            columns.Add(new NamedExpr("pack_", PackColumns(rows.Schema, used)));
            parts.Add(new LogicalProject(rows, columns));
        }

        return UnionOf(parts, sourceColumn, output.ConvertAll(o => new ColumnSymbol(o.Output, o.Type)), packed: true);
    }

    private LogicalOperator FindProject(
        FindProjectClause project, List<(string Name, LogicalOperator Rows)> tables, string sourceColumn, Dictionary<string, ScalarType> typeOf)
    {
        var listed = new List<(string Name, ScalarType Type)>();
        var packAll = false;
        foreach (var item in project.Expressions)
        {
            switch (item)
            {
                case FunctionCallExpression { Name.SimpleName: "pack_all" }:
                    packAll = true;
                    break;
                case NameReference reference:
                    listed.Add((reference.SimpleName, typeOf.GetValueOrDefault(reference.SimpleName, ScalarType.String)));
                    break;
                default:
                    throw QueryException.NotSupported($"The find project item '{Snippet(item)}'");
            }
        }

        var parts = new List<LogicalOperator>();
        foreach (var (table, rows) in tables)
        {
            var columns = new List<NamedExpr> { new(sourceColumn, new ConstantExpr(ScalarValue.FromString(table))) };
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, type) in listed)
            {
                var index = rows.Schema.IndexOf(name);
                if (index >= 0)
                {
                    columns.Add(new NamedExpr(name, FunctionRegistry.Convert(ColumnOf(rows.Schema, name), type)));
                    used.Add(name);
                }
                else
                {
                    columns.Add(new NamedExpr(name, new ConstantExpr(ScalarValue.Null(type))));
                }
            }

            if (packAll)
            {
                columns.Add(new NamedExpr("pack_", PackColumns(rows.Schema, used)));
            }

            parts.Add(new LogicalProject(rows, columns));
        }

        return UnionOf(parts, sourceColumn, listed.ConvertAll(l => new ColumnSymbol(l.Name, l.Type)), packAll);
    }

    /// <summary>A property bag of the row's columns other than <paramref name="except"/>, by column name.</summary>
    private static ScalarExpr PackColumns(TableSchema schema, HashSet<string> except)
    {
        var arguments = new List<ScalarExpr>();
        foreach (var column in schema.Columns)
        {
            if (!except.Contains(column.Name))
            {
                arguments.Add(new ConstantExpr(ScalarValue.FromString(column.Name)));
                arguments.Add(ColumnOf(schema, column.Name));
            }
        }

        return FunctionRegistry.TryBind("bag_pack", [.. arguments], ScalarType.Dynamic)
            ?? throw QueryException.NotSupported("find's pack_ column");
    }

    private static LogicalOperator UnionOf(List<LogicalOperator> parts, string sourceColumn, List<ColumnSymbol> columns, bool packed)
    {
        List<ColumnSymbol> all = [new(sourceColumn, ScalarType.String), .. columns];
        if (packed)
        {
            all.Add(new ColumnSymbol("pack_", ScalarType.Dynamic));
        }

        var schema = new TableSchema(all);
        return parts.Count switch
        {
            0 => new LogicalValues(schema, [], "find"),
            1 => parts[0],
            _ => new LogicalUnion(parts, schema),
        };
    }

    /// <summary>
    /// The columns a find predicate names (not lets or functions); <paramref name="everyColumn"/> when it searches
    /// every column (a bare term or <c>* has "x"</c>).
    /// </summary>
    private List<string> PredicateColumns(Expression predicate, out bool everyColumn)
    {
        everyColumn = false;
        var names = new List<string>();
        foreach (var node in predicate.DescendantsAndSelf())
        {
            switch (node)
            {
                case StarExpression:
                    everyColumn = true;
                    break;
                case LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } or CompoundStringLiteralExpression when IsSearchTerm(node, predicate):
                    everyColumn = true;
                    break;
                case NameReference reference when reference.Parent is not FunctionCallExpression
                    && _bound.GetInfo(reference)?.ReferencedLocal is null && !names.Contains(reference.SimpleName):
                    names.Add(reference.SimpleName);
                    break;
            }
        }

        return names;
    }

    /// <summary>Whether a string literal is a bare term of the predicate (not an operand or argument).</summary>
    private static bool IsSearchTerm(SyntaxElement literal, Expression predicate)
    {
        for (SyntaxElement node = literal; node != predicate; node = node.Parent!)
        {
            if (node.Parent is not (ParenthesizedExpression or BinaryExpression { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or }))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tables of <c>in (T, Device*, (query))</c> with the name each contributes rows under.</summary>
    private List<(string Name, LogicalOperator Rows)> InTables(InClause inClause, string what)
    {
        var sources = new List<(string, LogicalOperator)>();
        foreach (var table in inClause.Tables)
        {
            if (table is NameReference { Name: WildcardedName } wildcard)
            {
                foreach (var matched in _bound.TablesMatching(wildcard.SimpleName))
                {
                    sources.Add((matched.Name, ScanTable(matched)));
                }

                continue;
            }

            sources.Add((UnionArgumentName(table) ?? what + "_arg" + sources.Count, PlanTabular(table)));
        }

        return sources;
    }

    /// <summary>
    /// Every table of the workspace, for find and search without <c>in</c>: the tables storage holds (a built-in table
    /// exists once data was ingested into it).
    /// </summary>
    private List<(string Name, LogicalOperator Rows)> WorkspaceTables()
    {
        var sources = new List<(string, LogicalOperator)>();
        foreach (var table in _bound.WorkspaceTables)
        {
            if (_storedTables is not null && _storedTables.Contains(table.Name))
            {
                sources.Add((table.Name, ScanTable(table)));
            }
        }

        return sources;
    }
}
