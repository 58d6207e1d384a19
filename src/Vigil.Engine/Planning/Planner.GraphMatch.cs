using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// <c>graph-match</c> with one fixed-length pattern: a <see cref="LogicalGraphMatch"/> gives one row per path
    /// with the properties of each named element, and <c>var.property</c> in the where and project clauses reads
    /// those columns. Variable-length edges, several patterns and graph functions are not supported yet.
    /// </summary>
    private LogicalOperator PlanGraphMatch(GraphMatchOperator match, PlannedGraph graph)
    {
        if (match.Patterns.Count != 1 || match.Parameters.Count > 0)
        {
            throw QueryException.NotSupported("graph-match with several patterns or parameters");
        }

        var directions = new List<int>();
        var outputs = new List<(bool IsEdge, int Position)>();
        var columns = new List<ColumnSymbol>();
        var offsets = new Dictionary<string, (int Offset, IReadOnlyList<ColumnSymbol> Properties)>(StringComparer.Ordinal);
        var nodes = 0;
        foreach (var element in match.Patterns[0].Elements)
        {
            var (isEdge, name, properties) = element switch
            {
                GraphMatchNode node => (false, node.Name?.SimpleName, graph.NodeProperties),
                GraphMatchEdge { Asterisk: null } edge => (true, edge.Name?.SimpleName, (IReadOnlyList<ColumnSymbol>)graph.Inputs[0].Schema.Columns),
                _ => throw QueryException.NotSupported("graph-match with variable-length edges"),
            };
            if (element is GraphMatchEdge pathEdge)
            {
                directions.Add(pathEdge.Direction);
            }

            if (name is null)
            {
                if (!isEdge)
                {
                    nodes++;
                }

                continue;
            }

            if (offsets.ContainsKey(name))
            {
                throw QueryException.NotSupported($"graph-match with the variable '{name}' used twice");
            }

            offsets[name] = (columns.Count, properties);
            outputs.Add((isEdge, isEdge ? directions.Count - 1 : nodes));
            foreach (var property in properties)
            {
                columns.Add(new ColumnSymbol("\u0001" + name + "." + property.Name, property.Type));
            }

            if (!isEdge)
            {
                nodes++;
            }
        }

        LogicalOperator plan = new LogicalGraphMatch(graph.Inputs, graph.Shape, directions, outputs, new TableSchema(columns));
        var previous = _substitutions;
        _substitutions = [];
        try
        {
            SubstituteGraphProperties(match, offsets, plan.Schema);
            if (match.Where is { } where)
            {
                plan = new LogicalFilter(plan, FunctionsOrConvert(PlanScalar(where.Predicate, plan.Schema), ScalarType.Bool));
            }

            if (match.Project is not { } project)
            {
                throw QueryException.NotSupported("graph-match without project");
            }

            var projected = new List<NamedExpr>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            var unnamed = 1;
            foreach (var item in project.Expressions)
            {
                var (name, expression) = Unname(item);
                if (name is null && expression is PathExpression { Expression: NameReference owner, Selector: NameReference member })
                {
                    name = owner.SimpleName + "_" + member.SimpleName;
                }

                var value = PlanScalar(expression, plan.Schema);
                name ??= "Column" + unnamed++;
                projected.Add(new NamedExpr(TableSchema.MakeUnique(name, used), value));
            }

            return new LogicalProject(plan, projected);
        }
        finally
        {
            _substitutions = previous;
        }
    }

    /// <summary>Maps each <c>variable.property</c> of the where and project clauses to its column of the match rows.</summary>
    private void SubstituteGraphProperties(
        GraphMatchOperator match, Dictionary<string, (int Offset, IReadOnlyList<ColumnSymbol> Properties)> offsets, TableSchema rows)
    {
        foreach (var element in match.DescendantsAndSelf())
        {
            if (element is PathExpression { Expression: NameReference owner, Selector: NameReference member } path
                && offsets.TryGetValue(owner.SimpleName, out var variable))
            {
                var index = -1;
                for (var p = 0; p < variable.Properties.Count; p++)
                {
                    if (variable.Properties[p].Name == member.SimpleName)
                    {
                        index = p;
                    }
                }

                if (index < 0)
                {
                    throw new QueryException(QueryErrorKind.Semantic, $"graph-match: '{owner.SimpleName}' has no property '{member.SimpleName}'.");
                }

                var column = rows.Columns[variable.Offset + index];
                _substitutions![path] = new ColumnExpr(variable.Offset + index, column.Name, column.Type);
            }
        }
    }
}
