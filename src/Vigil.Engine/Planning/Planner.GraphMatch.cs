using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// <c>graph-match</c> with one path pattern: a <see cref="LogicalGraphMatch"/> gives one row per path with the
    /// properties of each named element (dynamic arrays along the path for variable-length edges), the degrees and
    /// path functions (<c>all</c>, <c>any</c>, <c>map</c>) the clauses use; the where and project clauses read those
    /// columns in place of <c>var.property</c> and the function calls. Several patterns are not supported yet.
    /// </summary>
    private LogicalOperator PlanGraphMatch(GraphMatchOperator match, PlannedGraph graph)
    {
        if (match.Patterns.Count != 1)
        {
            throw QueryException.NotSupported("graph-match with several patterns");
        }

        var cycles = GraphMatchCycles(match);
        var segments = new List<GraphMatchSegment>();
        var outputs = new List<GraphMatchOutput>();
        var columns = new List<ColumnSymbol>();
        var variables = new Dictionary<string, GraphVariable>(StringComparer.Ordinal);
        var edgeProperties = graph.Inputs[0].Schema.Columns;
        foreach (var element in match.Patterns[0].Elements)
        {
            GraphVariable variable;
            if (element is GraphMatchEdge edge)
            {
                var segment = GraphSegment(edge, cycles);
                segments.Add(segment);
                variable = new GraphVariable(columns.Count, edgeProperties, false, segments.Count - 1, segment.Variable);
            }
            else
            {
                variable = new GraphVariable(columns.Count, graph.NodeProperties, true, segments.Count, false);
            }

            var name = element switch
            {
                GraphMatchNode node => node.Name?.SimpleName,
                GraphMatchEdge named => named.Name?.SimpleName,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            if (!variables.TryAdd(name, variable))
            {
                throw QueryException.NotSupported($"graph-match with the variable '{name}' used twice");
            }

            outputs.Add(new GraphMatchOutput(variable.IsNode ? GraphOutputKind.Node : GraphOutputKind.Edge, variable.Position));
            foreach (var property in variable.Properties)
            {
                columns.Add(new ColumnSymbol("\u0001" + name + "." + property.Name, variable.IsPath ? ScalarType.Dynamic : property.Type));
            }
        }

        var previous = _substitutions;
        _substitutions = [];
        try
        {
            var nodeElements = new TableSchema([.. graph.NodeProperties,
                new ColumnSymbol("\u0001degree_in", ScalarType.Long), new ColumnSymbol("\u0001degree_out", ScalarType.Long)]);
            var functions = PlanGraphFunctions(match, variables, outputs, columns, nodeElements, graph);
            SubstituteGraphProperties(match, variables, columns);
            LogicalOperator plan = new LogicalGraphMatch(
                graph.Inputs, graph.Shape, segments, outputs, functions, cycles, nodeElements, new TableSchema(columns));
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
                else if (name is null && expression is FunctionCallExpression { Name.SimpleName: "node_degree_in" or "node_degree_out" } degree)
                {
                    // Kusto names an unnamed degree column after the function.
                    name = degree.Name.SimpleName;
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

    /// <summary>A named pattern element: its first column, properties, and node index or segment index.</summary>
    private sealed record GraphVariable(int Offset, IReadOnlyList<ColumnSymbol> Properties, bool IsNode, int Position, bool IsPath);

    private static GraphCycles GraphMatchCycles(GraphMatchOperator match)
    {
        var cycles = GraphCycles.UniqueEdges;
        foreach (var parameter in match.Parameters)
        {
            if (parameter.Name.Text != "cycles")
            {
                throw QueryException.NotSupported($"graph-match {parameter.Name.Text}=");
            }

            cycles = GraphParameterName(parameter) switch
            {
                "unique_edges" => GraphCycles.UniqueEdges,
                "none" => GraphCycles.None,
                "all" => GraphCycles.All,
                var other => throw new QueryException(QueryErrorKind.Semantic, $"graph-match: unknown cycles '{other}' (all, none or unique_edges)."),
            };
        }

        return cycles;
    }

    private static GraphMatchSegment GraphSegment(GraphMatchEdge edge, GraphCycles cycles)
    {
        if (edge.Asterisk is null)
        {
            return new GraphMatchSegment(edge.Direction, 1, 1, false);
        }

        var min = edge.MinLength is null ? 1 : GraphPathLength(edge.MinLength);
        var max = edge.DotDot is null ? min : edge.MaxLength is null ? -1 : GraphPathLength(edge.MaxLength);
        if (max >= 0 && max < min)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"graph-match: the edge length range {min}..{max} is empty.");
        }

        if (max < 0 && cycles == GraphCycles.All)
        {
            throw QueryException.NotSupported("graph-match with an unbounded variable-length edge and cycles=all");
        }

        return new GraphMatchSegment(edge.Direction, min, max, true);
    }

    private static int GraphPathLength(Expression length) =>
        length is LiteralExpression { LiteralKind: SyntaxKind.LongLiteral or SyntaxKind.IntLiteral } literal
            && int.TryParse(literal.Token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw QueryException.NotSupported($"graph-match edge length '{Snippet(length)}' (an integer literal is expected)");

    /// <summary>
    /// Adds a column for each node degree and path function the clauses call, and maps the calls to those columns;
    /// the element expression of a path function is planned against its element rows.
    /// </summary>
    private List<GraphPathFunction> PlanGraphFunctions(
        GraphMatchOperator match, Dictionary<string, GraphVariable> variables, List<GraphMatchOutput> outputs,
        List<ColumnSymbol> columns, TableSchema nodeElements, PlannedGraph graph)
    {
        var calls = new List<(Expression Node, Expression Element, GraphPathFunctionKind Kind, int Segment, bool InnerNodes)>();
        foreach (var node in match.DescendantsAndSelf())
        {
            if (node is not FunctionCallExpression call)
            {
                continue;
            }

            var name = call.Name.SimpleName;
            var arguments = call.Arguments;
            if (name is "node_degree_in" or "node_degree_out")
            {
                if (arguments.Count == 0)
                {
                    // Inside a path function over inner nodes: the element rows' degree columns.
                    var ordinal = nodeElements.Columns.Length - (name == "node_degree_in" ? 2 : 1);
                    _substitutions![call] = new ColumnExpr(ordinal, nodeElements.Columns[ordinal].Name, ScalarType.Long);
                    continue;
                }

                if (arguments.Count != 1 || arguments[0] is not NameReference owner
                    || !variables.TryGetValue(owner.SimpleName, out var variable) || !variable.IsNode)
                {
                    throw QueryException.NotSupported($"{name} of '{Snippet(call)}' (a node variable is expected)");
                }

                outputs.Add(new GraphMatchOutput(name == "node_degree_in" ? GraphOutputKind.DegreeIn : GraphOutputKind.DegreeOut, variable.Position));
                _substitutions![call] = new ColumnExpr(columns.Count, "\u0001" + name, ScalarType.Long);
                columns.Add(new ColumnSymbol("\u0001" + owner.SimpleName + "." + name + columns.Count, ScalarType.Long));
            }
            else if (name is "all" or "any" or "map" && arguments.Count == 2)
            {
                var inner = arguments[0] is FunctionCallExpression { Name.SimpleName: "inner_nodes", Arguments.Count: 1 } innerCall ? innerCall.Arguments[0] : null;
                var target = inner ?? arguments[0];
                if (target is not NameReference path || !variables.TryGetValue(path.SimpleName, out var variable) || !variable.IsPath)
                {
                    throw QueryException.NotSupported($"{name}() over '{Snippet(arguments[0])}' (a variable-length edge is expected)");
                }

                var kind = name switch { "all" => GraphPathFunctionKind.All, "any" => GraphPathFunctionKind.Any, _ => GraphPathFunctionKind.Map };
                calls.Add((call, arguments[1], kind, variable.Position, inner is not null));
            }
        }

        if (match.Where is { } where)
        {
            AddEdgeConstraints(where.Predicate, variables, calls, graph.Inputs[0].Schema);
        }

        // Element expressions are planned after every zero-argument degree call has its substitute.
        var functions = new List<GraphPathFunction>();
        foreach (var (call, elementSyntax, kind, segment, innerNodes) in calls)
        {
            var element = PlanScalar(elementSyntax, innerNodes ? nodeElements : graph.Inputs[0].Schema);
            var type = kind == GraphPathFunctionKind.Map ? ScalarType.Dynamic : ScalarType.Bool;
            if (kind != GraphPathFunctionKind.Map)
            {
                element = FunctionsOrConvert(element, ScalarType.Bool);
            }

            functions.Add(new GraphPathFunction(kind, segment, innerNodes, element));
            var name = "\u0001" + kind.ToString().ToLowerInvariant() + columns.Count;
            _substitutions![call] = new ColumnExpr(columns.Count, name, type);
            columns.Add(new ColumnSymbol(name, type));
        }

        return functions;
    }

    /// <summary>
    /// A where conjunct that reads only one variable-length edge's properties constrains every edge of the path
    /// (Kusto's rule), so it becomes <c>all(edge, conjunct)</c> over the edge rows.
    /// </summary>
    private void AddEdgeConstraints(
        Expression predicate, Dictionary<string, GraphVariable> variables,
        List<(Expression Node, Expression Element, GraphPathFunctionKind Kind, int Segment, bool InnerNodes)> calls, TableSchema edges)
    {
        if (predicate is ParenthesizedExpression parenthesized)
        {
            AddEdgeConstraints(parenthesized.Expression, variables, calls, edges);
            return;
        }

        if (predicate is BinaryExpression { OperatorKind: BinaryOperatorKind.And } and)
        {
            AddEdgeConstraints(and.Left, variables, calls, edges);
            AddEdgeConstraints(and.Right, variables, calls, edges);
            return;
        }

        GraphVariable? only = null;
        foreach (var node in predicate.DescendantsAndSelf())
        {
            if (node is FunctionCallExpression)
            {
                return;
            }

            if (node is NameReference reference && variables.TryGetValue(reference.SimpleName, out var variable))
            {
                if (!variable.IsPath || (only is not null && only != variable))
                {
                    return;
                }

                only = variable;
            }
        }

        if (only is null)
        {
            return;
        }

        foreach (var node in predicate.DescendantsAndSelf())
        {
            if (node is PathExpression { Expression: NameReference owner, Selector: NameReference member } path
                && variables.ContainsKey(owner.SimpleName))
            {
                var index = edges.IndexOf(member.SimpleName);
                if (index < 0)
                {
                    throw new QueryException(QueryErrorKind.Semantic, $"graph-match: '{owner.SimpleName}' has no property '{member.SimpleName}'.");
                }

                _substitutions![path] = new ColumnExpr(index, member.SimpleName, edges.Columns[index].Type);
            }
        }

        calls.Add((predicate, predicate, GraphPathFunctionKind.All, only.Position, false));
    }

    /// <summary>Maps each <c>variable.property</c> of the where and project clauses to its column of the match rows.</summary>
    private void SubstituteGraphProperties(GraphMatchOperator match, Dictionary<string, GraphVariable> variables, List<ColumnSymbol> columns)
    {
        foreach (var element in match.DescendantsAndSelf())
        {
            if (element is PathExpression { Expression: NameReference owner, Selector: NameReference member } path
                && variables.TryGetValue(owner.SimpleName, out var variable))
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

                var column = columns[variable.Offset + index];
                _substitutions![path] = new ColumnExpr(variable.Offset + index, column.Name, column.Type);
            }
        }
    }
}
