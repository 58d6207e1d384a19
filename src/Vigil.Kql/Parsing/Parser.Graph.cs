using System.Collections.Frozen;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

internal sealed partial class Parser
{
    private static readonly FrozenSet<string> MakeGraphParameters = Set("with_node_id", "kind");
    private static readonly FrozenSet<string> GraphMatchParameters = Set("cycles", "output");
    private static readonly FrozenSet<string> GraphToTableParameters = Set("with_node_id", "with_source_id", "with_target_id");
    private static readonly FrozenSet<string> MarkComponentsParameters = Set("kind", "with_component_id");

    private QueryOperator? TryParseGraphOperator() => CurrentText switch
    {
        "make-graph" => ParseMakeGraph(),
        "graph-match" or "graph-shortest-paths" => ParseGraphMatch(),
        "graph-to-table" => ParseGraphToTable(),
        "graph-mark-components" => new GraphMarkComponentsOperator(TakeKeyword(), ParseParameters(MarkComponentsParameters.Contains)),
        _ => null,
    };

    private MakeGraphOperator ParseMakeGraph()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(MakeGraphParameters.Contains);

        // Columns only (no operators), so that '-->' is not read as subtraction.
        var source = ParsePostfix(ParsePrimary());
        var arrowStart = Current.FullStart;
        SyntaxToken[] arrow = [Expect(SyntaxKind.Minus), Expect(SyntaxKind.Minus), Expect(SyntaxKind.GreaterThan)];
        var target = ParsePostfix(ParsePrimary());

        MakeGraphTablesClause? tables = null;
        if (IsWord("with") && !IsKind(SyntaxKind.Equal, 1))
        {
            var with = TakeKeyword();
            tables = new MakeGraphTablesClause(with, ParseSeparated(() =>
            {
                var table = ParsePostfix(ParsePrimary());
                var on = ExpectKeyword("on");
                return new MakeGraphTableReference(table, on, ParseName());
            }));
        }

        var trailing = ParseParameters(MakeGraphParameters.Contains);
        MakeGraphPartitionClause? partition = null;
        if (IsWord("partitioned-by"))
        {
            var partitionKeyword = TakeKeyword();
            var column = ParseName();
            var (open, query, close) = ParseParenthesizedPipeline();
            partition = new MakeGraphPartitionClause(partitionKeyword, column, open, query, close);
        }

        return new MakeGraphOperator(keyword, parameters, source, new SyntaxList<SyntaxToken>(arrow, arrowStart), target, tables, trailing, partition);
    }

    private QueryOperator ParseGraphMatch()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(GraphMatchParameters.Contains);
        var patterns = ParseSeparated(ParseGraphPattern);
        GraphWhereClause? where = null;
        if (IsWord("where"))
        {
            var whereKeyword = TakeKeyword();
            where = new GraphWhereClause(whereKeyword, ParseExpression());
        }

        GraphProjectClause? project = null;
        if (IsWord("project"))
        {
            var projectKeyword = TakeKeyword();
            project = new GraphProjectClause(projectKeyword, ParseNamedList());
        }

        return keyword.Text == "graph-shortest-paths"
            ? new GraphShortestPathsOperator(keyword, parameters, patterns, where, project)
            : new GraphMatchOperator(keyword, parameters, patterns, where, project);
    }

    /// <summary><c>(a)-[e]-&gt;(b)&lt;--(c)</c>: nodes and edges alternating, starting and ending with a node.</summary>
    private GraphMatchPattern ParseGraphPattern()
    {
        var start = Current.FullStart;
        var elements = new List<SyntaxNode> { ParseGraphNode() };
        while (CurrentKind == SyntaxKind.Minus || (CurrentKind == SyntaxKind.LessThan && IsKind(SyntaxKind.Minus, 1)))
        {
            elements.Add(ParseGraphEdge());
            elements.Add(ParseGraphNode());
        }

        return new GraphMatchPattern(List(elements, start));
    }

    private GraphMatchNode ParseGraphNode()
    {
        var open = Expect(SyntaxKind.OpenParen);
        var name = CurrentKind == SyntaxKind.Identifier || IsBracketedNameStart() ? ParseName() : null;
        return new GraphMatchNode(open, name, Expect(SyntaxKind.CloseParen));
    }

    private GraphMatchEdge ParseGraphEdge()
    {
        var leadingStart = Current.FullStart;
        var leading = CurrentKind == SyntaxKind.LessThan ? new[] { Take(), Expect(SyntaxKind.Minus) } : [Take()];

        SyntaxToken? open = null, asterisk = null, dotDot = null, close = null;
        Name? name = null;
        Expression? min = null, max = null;
        if (CurrentKind == SyntaxKind.OpenBracket)
        {
            open = Take();
            name = CurrentKind == SyntaxKind.Identifier ? ParseName() : null;
            if (CurrentKind == SyntaxKind.Asterisk)
            {
                asterisk = Take();
                min = ParseUnary();
                dotDot = TakeIf(SyntaxKind.DotDot);
                max = dotDot is null ? null : ParseUnary();
            }

            close = Expect(SyntaxKind.CloseBracket);
        }

        var trailingStart = Current.FullStart;
        var trailing = new List<SyntaxToken> { Expect(SyntaxKind.Minus) };
        if (CurrentKind == SyntaxKind.GreaterThan)
        {
            trailing.Add(Take());
        }

        return new GraphMatchEdge(
            new SyntaxList<SyntaxToken>(leading, leadingStart), open, name, asterisk, min, dotDot, max, close, List(trailing, trailingStart));
    }

    private GraphToTableOperator ParseGraphToTable()
    {
        var keyword = TakeKeyword();
        var outputs = ParseSeparated(() =>
        {
            var kind = IsWord("nodes") || IsWord("edges")
                ? TakeKeyword()
                : Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedOneOf(["nodes", "edges"], Current.FullStart));
            var asKeyword = TakeKeywordIf("as");
            var name = asKeyword is null ? null : ParseName();
            return new GraphToTableOutputClause(kind, asKeyword, name, ParseParameters(GraphToTableParameters.Contains));
        });
        return new GraphToTableOperator(keyword, outputs);
    }
}
