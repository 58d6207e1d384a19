using System.Collections.Frozen;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

internal sealed partial class Parser
{
    private static readonly FrozenSet<string> JoinParameters = Set("kind", "withsource");
    private static readonly FrozenSet<string> UnionParameters = Set("kind", "withsource", "with_source", "isfuzzy");
    private static readonly FrozenSet<string> KindParameter = Set("kind");
    private static readonly FrozenSet<string> MvExpandParameters = Set("kind", "bagexpansion", "with_itemindex");
    private static readonly FrozenSet<string> ParseParameterNames = Set("kind", "flags");
    private static readonly FrozenSet<string> FindParameters = Set("withsource", "with_source", "kind", "datascope", "isfuzzy");
    private static readonly FrozenSet<string> ScanParameters = Set("kind", "with_match_id");
    private static readonly FrozenSet<string> ConsumeParameters = Set("decodeblocks");
    private static readonly FrozenSet<string> RenderParameters = Set(
        "kind", "title", "xcolumn", "ycolumns", "series", "xtitle", "ytitle", "xaxis", "yaxis", "legend", "ysplit", "accumulate",
        "ymin", "ymax", "xmin", "xmax", "anomalycolumns");

    private static FrozenSet<string> Set(params string[] words) => FrozenSet.ToFrozenSet(words, StringComparer.Ordinal);

    private static bool None(string word) => false;

    /// <summary>An operator that can start a query (union, print, range, search, find, evaluate), or null.</summary>
    private QueryOperator? TryParseSourceOperator()
    {
        if (IsWord("macro-expand"))
        {
            return ParseMacroExpand();
        }

        if (CurrentKind != SyntaxKind.Identifier)
        {
            return null;
        }

        return CurrentText switch
        {
            "union" => ParseUnion(),
            "print" => ParsePrint(),
            "range" when IsKind(SyntaxKind.Identifier, 1) && IsWord("from", 2) => ParseRange(),
            "search" => ParseSearch(),
            "find" => ParseFind(),
            "evaluate" => ParseEvaluate(),
            _ => null,
        };
    }

    /// <summary>The operator after '|'.</summary>
    private QueryOperator ParsePostPipeOperator()
    {
        if (!IsWordKind(CurrentKind))
        {
            return new BadQueryOperator(Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedQueryOperator(Current.FullStart)));
        }

        switch (CurrentText)
        {
            case "where" or "filter":
                {
                    var keyword = TakeKeyword();
                    return new WhereOperator(keyword, ParseParameters(None), ParseExpression());
                }

            case "project":
                return new ProjectOperator(TakeKeyword(), ParseNamedList());
            case "project-away":
                return new ProjectAwayOperator(TakeKeyword(), ParseSeparated(ParseNameOrWildcardExpression));
            case "project-keep":
                return new ProjectKeepOperator(TakeKeyword(), ParseSeparated(ParseNameOrWildcardExpression));
            case "project-rename":
                return new ProjectRenameOperator(TakeKeyword(), ParseSeparated(ParseNamedExpression));
            case "project-by-names":
                return new ProjectByNamesOperator(TakeKeyword(), ParseSeparated(ParseExpression, () => IsPipelineEnd(CurrentKind)));
            case "assert-schema":
                return new AssertSchemaOperator(TakeKeyword(), ParseSchema());
            case "project-reorder":
                return new ProjectReorderOperator(TakeKeyword(), ParseSeparated(() => ParseOrdered(ParseNameOrWildcardExpression())));
            case "extend":
                return new ExtendOperator(TakeKeyword(), ParseNamedList());
            case "summarize":
                return ParseSummarize();
            case "count":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(None);
                    var asKeyword = TakeKeywordIf("as");
                    return new CountOperator(keyword, parameters, asKeyword, asKeyword is null ? null : ParseName());
                }

            case "distinct":
                {
                    var keyword = TakeKeyword();
                    return new DistinctOperator(keyword, ParseParameters(None), ParseSeparated(ParseNamedExpression));
                }

            case "sort" or "order":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(None);
                    var by = ExpectKeyword("by");
                    return new SortOperator(keyword, parameters, by, ParseSeparated(() => ParseOrdered(ParseExpression())));
                }

            case "top":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(None);
                    var count = ParseExpression();
                    var by = ExpectKeyword("by");
                    return new TopOperator(keyword, parameters, count, by, ParseOrdered(ParseNamedExpression()));
                }

            case "take" or "limit":
                {
                    var keyword = TakeKeyword();
                    return new TakeOperator(keyword, ParseParameters(None), ParseExpression());
                }

            case "sample":
                {
                    var keyword = TakeKeyword();
                    return new SampleOperator(keyword, ParseParameters(None), ParseExpression());
                }

            case "sample-distinct":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(None);
                    var count = ParseExpression();
                    var of = ExpectKeyword("of");
                    return new SampleDistinctOperator(keyword, parameters, count, of, ParseExpression());
                }

            case "serialize":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(None);
                    return new SerializeOperator(keyword, parameters, ParseSeparated(ParseNamedExpression, () => IsPipelineEnd(CurrentKind)));
                }

            case "join":
                return ParseJoin();
            case "lookup":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(KindParameter.Contains);
                    var right = ParseJoinRight();
                    return new LookupOperator(keyword, parameters, right, ParseJoinOn());
                }

            case "union":
                return ParseUnion();
            case "fork":
                return ParseFork();
            case "facet":
                return ParseFacet();
            case "partition":
                return ParsePartition();
            case "as":
                {
                    var keyword = TakeKeyword();
                    return new AsOperator(keyword, ParseParameters(None), ParseName());
                }

            case "invoke":
                return new InvokeOperator(TakeKeyword(), ParseExpression());
            case "evaluate":
                return ParseEvaluate();
            case "mv-expand" or "mvexpand":
                {
                    var keyword = TakeKeyword();
                    var parameters = ParseParameters(MvExpandParameters.Contains);
                    var expressions = ParseSeparated(ParseMvExpandExpression);
                    return new MvExpandOperator(keyword, parameters, expressions, ParseLimitClause());
                }

            case "mv-apply" or "mvapply":
                return ParseMvApply();
            case "parse" or "parse-where":
                return ParseParse();
            case "parse-kv":
                {
                    var keyword = TakeKeyword();
                    var source = ParseExpression();
                    var asKeyword = ExpectKeyword("as");
                    var schema = ParseSchema();
                    var with = IsWord("with") ? ParseWithClause() : null;
                    return new ParseKvOperator(keyword, source, asKeyword, schema, with);
                }

            case "make-series":
                return ParseMakeSeries();
            case "top-nested":
                return new TopNestedOperator(ParseSeparated(ParseTopNestedClause));
            case "top-hitters":
                {
                    var keyword = TakeKeyword();
                    var count = ParseExpression();
                    var of = ExpectKeyword("of");
                    var expression = ParseExpression();
                    var by = TakeKeywordIf("by");
                    return new TopHittersOperator(keyword, count, of, expression, by, by is null ? null : ParseExpression());
                }

            case "getschema":
                return new GetSchemaOperator(TakeKeyword(), ParseParameters(KindParameter.Contains));
            case "render":
                return ParseRender();
            case "consume":
                return new ConsumeOperator(TakeKeyword(), ParseParameters(ConsumeParameters.Contains));
            case "reduce":
                return ParseReduce();
            case "scan":
                return ParseScan();
            case "search":
                return ParseSearch();
            default:
                return TryParseGraphOperator() ??
                    new BadQueryOperator(Take(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedQueryOperator(Current.TextStart, Current.TextLength)));
        }
    }

    private SeparatedSyntaxList<Expression> ParseNamedList() => ParseSeparated(ParseNamedExpression);

    /// <summary><c>expr [asc|desc] [nulls first|last]</c>; returns <paramref name="expression"/> itself when neither follows.</summary>
    private Expression ParseOrdered(Expression expression)
    {
        var ordering = IsWord("asc") || IsWord("desc") || IsWord("granny-asc") || IsWord("granny-desc") ? TakeKeyword() : null;
        SyntaxToken? nulls = null;
        SyntaxToken? firstOrLast = null;
        if (IsWord("nulls"))
        {
            nulls = TakeKeyword();
            firstOrLast = IsWord("first") || IsWord("last")
                ? TakeKeyword()
                : Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedOneOf(["first", "last"], Current.FullStart));
        }

        return ordering is null && nulls is null ? expression : new OrderedExpression(expression, ordering, nulls, firstOrLast);
    }

    private SummarizeOperator ParseSummarize()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(None);
        var aggregates = ParseSeparated(ParseNamedExpression, () => IsWord("by") || IsPipelineEnd(CurrentKind));
        var by = ParseByClause();
        SummarizeBinClause? bin = null;
        if (by is not null && IsWord("bin") && IsKind(SyntaxKind.Equal, 1))
        {
            var binKeyword = TakeKeyword();
            var equal = Take();
            bin = new SummarizeBinClause(binKeyword, equal, ParseUnary());
        }

        return new SummarizeOperator(keyword, parameters, aggregates, by, bin);
    }

    private ByClause? ParseByClause()
    {
        if (!IsWord("by"))
        {
            return null;
        }

        var by = TakeKeyword();
        return new ByClause(by, ParseNamedList());
    }

    private JoinOperator ParseJoin()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(JoinParameters.Contains);
        var right = ParseJoinRight();
        return new JoinOperator(keyword, parameters, right, ParseJoinOn());
    }

    /// <summary>The right side of join/lookup: a parenthesized query or a table expression.</summary>
    private Expression ParseJoinRight() => ParseExpression();

    private JoinOnClause ParseJoinOn()
    {
        var on = ExpectKeyword("on");
        return new JoinOnClause(on, ParseSeparated(ParseExpression));
    }

    private UnionOperator ParseUnion()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(UnionParameters.Contains);
        return new UnionOperator(keyword, parameters, ParseSeparated(ParseNameOrWildcardExpression));
    }

    private ForkOperator ParseFork()
    {
        var keyword = TakeKeyword();
        var start = Current.FullStart;
        var branches = new List<ForkExpression>();
        while (CurrentKind == SyntaxKind.OpenParen || (CurrentKind == SyntaxKind.Identifier && IsKind(SyntaxKind.Equal, 1)))
        {
            Name? name = null;
            SyntaxToken? equal = null;
            if (CurrentKind == SyntaxKind.Identifier)
            {
                name = ParseName();
                equal = Take();
            }

            var (open, query, close) = ParseParenthesizedPipeline();
            branches.Add(new ForkExpression(name, equal, open, query, close));
        }

        if (branches.Count == 0)
        {
            var (open, query, close) = ParseParenthesizedPipeline();
            branches.Add(new ForkExpression(null, null, open, query, close));
        }

        return new ForkOperator(keyword, List(branches, start));
    }

    /// <summary><c>( operator | operator ... )</c>.</summary>
    private (SyntaxToken Open, Expression Query, SyntaxToken Close) ParseParenthesizedPipeline()
    {
        var open = Expect(SyntaxKind.OpenParen);
        if (!EnterNesting())
        {
            var tooDeep = TooDeep();
            return (open, tooDeep, Expect(SyntaxKind.CloseParen));
        }

        var query = ParseOperatorPipeline();
        ExitNesting();
        return (open, query, Expect(SyntaxKind.CloseParen));
    }

    private FacetOperator ParseFacet()
    {
        var keyword = TakeKeyword();
        var by = ExpectKeyword("by");
        var columns = ParseSeparated(ParseNameOrWildcardExpression);
        var with = TakeKeywordIf("with");
        ParenthesizedExpression? subquery = null;
        if (with is not null)
        {
            var (open, query, close) = ParseParenthesizedPipeline();
            subquery = new ParenthesizedExpression(open, query, close);
        }

        return new FacetOperator(keyword, by, columns, with, subquery);
    }

    private PartitionOperator ParsePartition()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(None);
        var by = ExpectKeyword("by");
        Expression column = new NameReference(ParseName()); // a column: 'by C (subquery)' is not a call of C
        PartitionInClause? inClause = null;
        if (IsWord("in"))
        {
            // Legacy: 'in dynamic([...])' or 'in f(...)' lists the key values.
            var inKeyword = TakeKeyword();
            inClause = new PartitionInClause(inKeyword, ParseUnary());
        }

        SyntaxNode body;
        if (CurrentKind == SyntaxKind.OpenBrace)
        {
            body = ParseFunctionBody();
        }
        else
        {
            var (open, query, close) = ParseParenthesizedPipeline();
            body = new ParenthesizedExpression(open, query, close);
        }

        return new PartitionOperator(keyword, parameters, by, column, inClause, body);
    }

    private static readonly FrozenSet<string> MacroExpandParameters = Set("kind", "isfuzzy");

    /// <summary><c>macro-expand [kind=...] [isfuzzy=...] group as Alias ( statements )</c>.</summary>
    private MacroExpandOperator ParseMacroExpand()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(MacroExpandParameters.Contains);
        var group = ParseUnary();
        var asKeyword = ExpectKeyword("as");
        var alias = ParseName();
        var open = Expect(SyntaxKind.OpenParen);
        if (!EnterNesting())
        {
            var tooDeep = TooDeep();
            var single = new SeparatedSyntaxList<Statement>([new ExpressionStatement(tooDeep)], [], tooDeep.FullStart);
            return new MacroExpandOperator(keyword, parameters, group, asKeyword, alias, open, single, Expect(SyntaxKind.CloseParen));
        }

        var statements = ParseStatementList(inBody: true, SyntaxKind.CloseParen);
        ExitNesting();
        return new MacroExpandOperator(keyword, parameters, group, asKeyword, alias, open, statements, Expect(SyntaxKind.CloseParen));
    }

    private EvaluateOperator ParseEvaluate()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(None);
        var plugin = ParseUnary();
        var colon = TakeIf(SyntaxKind.Colon);
        var schema = colon is null ? null : ParseSchema();
        return new EvaluateOperator(keyword, parameters, plugin, colon, schema);
    }

    private MvExpandExpression ParseMvExpandExpression()
    {
        var expression = ParseNamedExpression();
        ToTypeOfClause? toType = null;
        if (IsWord("to") && IsWord("typeof", 1))
        {
            var to = TakeKeyword();
            toType = new ToTypeOfClause(to, ParseTypeOf());
        }

        return new MvExpandExpression(expression, toType);
    }

    private LimitClause? ParseLimitClause()
    {
        if (!IsWord("limit"))
        {
            return null;
        }

        var limit = TakeKeyword();
        return new LimitClause(limit, ParseExpression());
    }

    private MvApplyOperator ParseMvApply()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(MvExpandParameters.Contains);
        var expressions = ParseSeparated(ParseMvExpandExpression);
        var limit = ParseLimitClause();
        var on = ExpectKeyword("on");
        var (open, query, close) = ParseParenthesizedPipeline();
        return new MvApplyOperator(keyword, parameters, expressions, limit, on, open, query, close);
    }

    private QueryOperator ParseParse()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(ParseParameterNames.Contains);
        var source = ParseExpression();
        var with = ExpectKeyword("with");
        var start = Current.FullStart;
        var pattern = new List<SyntaxNode>();
        while (true)
        {
            if (CurrentKind == SyntaxKind.StringLiteral)
            {
                pattern.Add(ParseStringLiteral());
            }
            else if (CurrentKind == SyntaxKind.Asterisk)
            {
                pattern.Add(new StarExpression(Take()));
            }
            else if (CurrentKind == SyntaxKind.Identifier || IsBracketedNameStart())
            {
                pattern.Add(ParseNameAndType(typeRequired: false));
            }
            else
            {
                break;
            }
        }

        var list = List(pattern, start);
        return keyword.Text == "parse-where"
            ? new ParseWhereOperator(keyword, parameters, source, with, list)
            : new ParseOperator(keyword, parameters, source, with, list);
    }

    private MakeSeriesOperator ParseMakeSeries()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(KindParameter.Contains);
        var aggregates = ParseSeparated(() =>
        {
            var expression = ParseNamedExpression();
            if (!IsWord("default"))
            {
                return new MakeSeriesExpression(expression, null, null, null);
            }

            var defaultKeyword = TakeKeyword();
            var equal = Expect(SyntaxKind.Equal);
            return new MakeSeriesExpression(expression, defaultKeyword, equal, ParseExpression());
        });
        var on = ExpectKeyword("on");
        var saved = _noInOperator;
        _noInOperator = true;
        var axis = ParseExpression();
        _noInOperator = saved;
        MakeSeriesRangeClause range;
        if (IsWord("in"))
        {
            var inKeyword = TakeKeyword();
            range = new MakeSeriesRangeClause(null, null, null, null, null, null, inKeyword, ParseExpression());
        }
        else
        {
            var from = TakeKeywordIf("from");
            var fromValue = from is null ? null : ParseExpression();
            var to = TakeKeywordIf("to");
            var toValue = to is null ? null : ParseExpression();
            var step = ExpectKeyword("step");
            range = new MakeSeriesRangeClause(from, fromValue, to, toValue, step, ParseExpression(), null, null);
        }

        return new MakeSeriesOperator(keyword, parameters, aggregates, on, axis, range, ParseByClause());
    }

    private TopNestedClause ParseTopNestedClause()
    {
        var keyword = ExpectKeyword("top-nested");
        var limit = IsWord("of") ? null : ParseExpression();
        var of = ExpectKeyword("of");
        var ofExpression = ParseNamedExpression();
        SyntaxToken? with = null, others = null, equal = null;
        Expression? othersValue = null;
        if (IsWord("with") && IsWord("others", 1))
        {
            with = TakeKeyword();
            others = TakeKeyword();
            equal = Expect(SyntaxKind.Equal);
            othersValue = ParseExpression();
        }

        var by = ExpectKeyword("by");
        var byExpression = ParseOrdered(ParseNamedExpression());
        return new TopNestedClause(keyword, limit, of, ofExpression, with, others, equal, othersValue, by, byExpression);
    }

    private RenderOperator ParseRender()
    {
        var keyword = TakeKeyword();
        var chart = CurrentKind == SyntaxKind.Identifier
            ? Take(SyntaxKind.Keyword)
            : Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedName(Current.FullStart));
        var parameters = ParseParameters(RenderParameters.Contains);
        var with = IsWord("with") && IsKind(SyntaxKind.OpenParen, 1) ? ParseWithClause() : null;
        return new RenderOperator(keyword, chart, parameters, with);
    }

    private ReduceOperator ParseReduce()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(KindParameter.Contains);
        var by = ExpectKeyword("by");
        var expression = ParseExpression();
        var with = TakeKeywordIf("with");
        var withParameters = with is null ? null : ParseSeparated(ParseAnyNamedParameter);
        return new ReduceOperator(keyword, parameters, by, expression, with, withParameters);
    }

    private ScanOperator ParseScan()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(ScanParameters.Contains);
        ScanDeclareClause? declare = null;
        if (IsWord("declare"))
        {
            var declareKeyword = TakeKeyword();
            var declareOpen = Expect(SyntaxKind.OpenParen);
            var declarations = ParseSeparated(ParseFunctionParameter, () => CurrentKind == SyntaxKind.CloseParen);
            declare = new ScanDeclareClause(declareKeyword, declareOpen, declarations, Expect(SyntaxKind.CloseParen));
        }

        var with = ExpectKeyword("with");
        var open = Expect(SyntaxKind.OpenParen);
        var start = Current.FullStart;
        var steps = new List<ScanStep>();
        do
        {
            steps.Add(ParseScanStep());
        }
        while (IsWord("step"));

        return new ScanOperator(keyword, parameters, declare, with, open, List(steps, start), Expect(SyntaxKind.CloseParen));
    }

    private ScanStep ParseScanStep()
    {
        var step = ExpectKeyword("step");
        var name = ParseName();
        var parameters = ParseParameters(static word => word == "output");
        var colon = Expect(SyntaxKind.Colon);
        var condition = ParseExpression();
        var arrow = TakeIf(SyntaxKind.EqualGreaterThan);
        var assignments = arrow is null ? null : ParseSeparated(ParseNamedExpression);
        return new ScanStep(step, name, parameters, colon, condition, arrow, assignments, Expect(SyntaxKind.Semicolon));
    }
}
