using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>What mv-expand and mv-apply share: the input with each expanded value computed in its column.</summary>
    private sealed record Expansion(
        LogicalProject Prepared, int[] Ordinals, ScalarType[] Types, bool BagAsArray, string? IndexName, long Limit);

    private LogicalOperator PlanMvExpand(MvExpandOperator mvExpand, LogicalOperator input, TableSchema output)
    {
        var expansion = PlanExpansion(mvExpand.Parameters, mvExpand.Expressions, mvExpand.Limit, input, output);
        if (mvExpand.Limit is null && mvExpand.Keyword.Text == "mvexpand")
        {
            // The legacy spelling defaults to 128 rows per input row.
            expansion = expansion with { Limit = 128 };
        }

        return ExpandNode(expansion);
    }

    private static LogicalMvExpand ExpandNode(Expansion expansion)
    {
        var columns = new List<ColumnSymbol>(expansion.Prepared.Schema.Columns);
        for (var i = 0; i < expansion.Ordinals.Length; i++)
        {
            var ordinal = expansion.Ordinals[i];
            columns[ordinal] = new ColumnSymbol(columns[ordinal].Name, expansion.Types[i]);
        }

        var indexOrdinal = -1;
        if (expansion.IndexName is { } indexName)
        {
            indexOrdinal = columns.FindIndex(c => c.Name == indexName);
            if (indexOrdinal >= 0)
            {
                throw QueryException.NotSupported($"with_itemindex naming the existing column '{indexName}'");
            }

            indexOrdinal = columns.Count;
            columns.Add(new ColumnSymbol(indexName, ScalarType.Long));
        }

        return new LogicalMvExpand(
            expansion.Prepared, expansion.Ordinals, expansion.BagAsArray, indexOrdinal, expansion.Limit, new TableSchema(columns));
    }

    /// <summary>
    /// Computes each expanded value in place of the column it names (or as a new column at the end, as the binder
    /// names them), and reads the parameters: <c>bagexpansion</c>/<c>kind</c>, <c>with_itemindex</c>, <c>limit</c>.
    /// </summary>
    private Expansion PlanExpansion(
        IReadOnlyList<NamedParameter> parameters, IReadOnlyList<MvExpandExpression> items, LimitClause? limit, LogicalOperator input,
        TableSchema? output)
    {
        var bagAsArray = false;
        string? indexName = null;
        foreach (var parameter in parameters)
        {
            var value = parameter.Value is NameReference n ? n.SimpleName : parameter.Value.ToString().Trim();
            switch (parameter.Name.Text)
            {
                case "bagexpansion" or "kind":
                    bagAsArray = value == "array";
                    break;
                case "with_itemindex":
                    indexName = value;
                    break;
                default:
                    throw QueryException.NotSupported($"The mv-expand parameter '{parameter.Name.Text}'");
            }
        }

        var columns = new List<NamedExpr>();
        foreach (var column in input.Schema.Columns)
        {
            columns.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
        }

        var ordinals = new int[items.Count];
        var types = new ScalarType[items.Count];
        var generated = 1;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var (name, expression) = item.Expression is SimpleNamedExpression named
                ? (named.Name.SimpleName, named.Expression)
                : (ExpandedName(item.Expression) ?? "Column" + generated++, item.Expression);
            var planned = PlanScalar(expression, input.Schema);
            if (item.ToType is { TypeOf.Types: [PrimitiveTypeExpression primitive] })
            {
                types[i] = TypeFacts.TryParse(primitive.TypeName.Text, out var type)
                    ? PlanTypes.Normalize(type)
                    : throw QueryException.NotSupported($"mv-expand to typeof({primitive.TypeName.Text})");
            }
            else
            {
                types[i] = item.ToType is null
                    ? ScalarType.Dynamic
                    : throw QueryException.NotSupported($"The clause '{Snippet(item.ToType)}'");
            }

            if (output is not null && output.TryGetColumn(name, out var bound) && PlanTypes.Normalize(bound.Type) != types[i])
            {
                throw new QueryException(QueryErrorKind.Semantic, $"The expanded column '{name}' has an unexpected type.");
            }

            planned = Functions.FunctionRegistry.Convert(planned, ScalarType.Dynamic);
            var existing = columns.FindIndex(c => c.Name == name);
            if (existing >= 0)
            {
                columns[existing] = new NamedExpr(name, planned);
            }
            else
            {
                existing = columns.Count;
                columns.Add(new NamedExpr(name, planned));
            }

            ordinals[i] = existing;
        }

        var rowLimit = limit is null ? int.MaxValue : ConstantLong(limit.Count, "limit");
        return new Expansion(new LogicalProject(input, columns), ordinals, types, bagAsArray, indexName, rowLimit);
    }

    /// <summary>The binder's name for an unnamed expanded expression: a column's own name, <c>a.b</c> as <c>a_b</c>.</summary>
    private static string? ExpandedName(Expression expression) => expression switch
    {
        ParenthesizedExpression p => ExpandedName(p.Expression),
        NameReference reference => reference.SimpleName,
        PathExpression { Selector: NameReference selector } path =>
            ExpandedName(path.Expression) is { Length: > 0 } left ? left + "_" + selector.SimpleName : selector.SimpleName,
        ElementAccessExpression { Index: LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } key } element =>
            ExpandedName(element.Expression) is { Length: > 0 } left
                ? left + "_" + SyntaxFacts.GetStringValue(key.Token.Text)
                : SyntaxFacts.GetStringValue(key.Token.Text),
        _ => null,
    };
}
