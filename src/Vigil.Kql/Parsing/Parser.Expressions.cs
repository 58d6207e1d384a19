using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

internal sealed partial class Parser
{
    /// <summary>Set while parsing make-series' axis, where <c>in range(...)</c> is not an <c>in</c> expression.</summary>
    private bool _noInOperator;

    /// <summary>Set while parsing a search/find predicate, where <c>Column:"text"</c> is a search term.</summary>
    private bool _colonIsSearch;

    /// <summary>A query or a scalar expression, followed by any number of <c>| operator</c>.</summary>
    private Expression ParsePipeExpression()
    {
        Expression left = TryParseSourceOperator() ?? ParseExpression();
        return ParsePipeContinuation(left);
    }

    private Expression ParsePipeContinuation(Expression left)
    {
        while (true)
        {
            if (CurrentKind != SyntaxKind.Bar)
            {
                if (!SkipJunkBeforeBar())
                {
                    return left;
                }
            }

            var bar = Take();
            left = new PipeExpression(left, bar, ParsePostPipeOperator());
        }
    }

    /// <summary>A subquery without a source (fork, partition, mv-apply, facet): <c>operator | operator ...</c>.</summary>
    private Expression ParseOperatorPipeline() => ParsePipeContinuation(ParsePostPipeOperator());

    /// <summary>
    /// After an operator, tokens that neither continue nor end it are junk. When a '|' follows them at the same
    /// nesting, skip them (one diagnostic) so the rest of the pipeline still parses; otherwise leave them to the caller.
    /// </summary>
    private const int JunkLookahead = 4096;

    private bool SkipJunkBeforeBar()
    {
        if (IsPipelineEnd(CurrentKind))
        {
            return false;
        }

        // Look a bounded distance ahead so that pathological inputs stay linear.
        var nesting = 0;
        var limit = Math.Min(_tokens.Count, _pos + JunkLookahead);
        for (var i = _pos; i < limit; i++)
        {
            var kind = _tokens[i].Kind;
            if (nesting == 0)
            {
                if (kind == SyntaxKind.Bar)
                {
                    SkipUntil(static p => p.CurrentKind == SyntaxKind.Bar);
                    return true;
                }

                if (IsPipelineEnd(kind))
                {
                    return false;
                }
            }

            if (kind is SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.OpenBrace)
            {
                nesting++;
            }
            else if (kind is SyntaxKind.CloseParen or SyntaxKind.CloseBracket or SyntaxKind.CloseBrace)
            {
                nesting--;
            }
        }

        return false;
    }

    private static bool IsPipelineEnd(SyntaxKind kind) =>
        kind is SyntaxKind.Bar or SyntaxKind.Semicolon or SyntaxKind.CloseParen or SyntaxKind.CloseBracket
            or SyntaxKind.CloseBrace or SyntaxKind.Comma or SyntaxKind.EndOfFile;

    /// <summary>A scalar expression (no pipes at this level).</summary>
    private Expression ParseExpression()
    {
        if (!EnterNesting())
        {
            return TooDeep();
        }

        var expression = ParseOr();
        ExitNesting();
        return expression;
    }

    // Precedence, lowest first, as Kusto has it: or; and; equality (==, !=, <>, in-lists, between; not chained);
    // relational (<, <=, >, >=; not chained); additive; multiplicative; string operators (=~, !~, has, contains,
    // startswith, like, matches regex, ':'); unary +/-; postfix (.name, [index]).

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var op = TakeKeyword();
            left = new BinaryExpression(left, op, null, ParseAnd(), BinaryOperatorKind.Or);
        }

        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseEquality();
        while (IsWord("and"))
        {
            var op = TakeKeyword();
            left = new BinaryExpression(left, op, null, ParseEquality(), BinaryOperatorKind.And);
        }

        return left;
    }

    private Expression ParseEquality()
    {
        var left = CurrentKind == SyntaxKind.Asterisk && IsKind(SyntaxKind.EqualEqual, 1) ? new StarExpression(Take()) : ParseRelational();
        switch (CurrentKind)
        {
            case SyntaxKind.EqualEqual:
            case SyntaxKind.BangEqual:
            case SyntaxKind.LessThanGreaterThan:
                {
                    SyntaxFacts.TryGetBinaryOperator(CurrentKind, out var op, out _);
                    var opToken = Take();
                    return new BinaryExpression(left, opToken, null, ParseRelational(), op);
                }

            case SyntaxKind.Identifier or SyntaxKind.Keyword:
                {
                    var word = CurrentText;
                    if (word is "between" or "!between")
                    {
                        return ParseBetweenRest(left, TakeKeyword());
                    }

                    if (SyntaxFacts.TryGetWordOperator(word, out var op, out _) && SyntaxFacts.IsListOperator(op) &&
                        !(op == BinaryOperatorKind.In && (_noInOperator || IsWord("range", 1))))
                    {
                        var opToken = TakeKeyword();
                        return new InExpression(left, opToken, ParseInList(), op);
                    }

                    return left;
                }

            default:
                return left;
        }
    }

    private Expression ParseRelational()
    {
        var left = ParseAdditive();
        if (CurrentKind is SyntaxKind.LessThan or SyntaxKind.LessThanEqual or SyntaxKind.GreaterThan or SyntaxKind.GreaterThanEqual)
        {
            SyntaxFacts.TryGetBinaryOperator(CurrentKind, out var op, out _);
            var opToken = Take();
            return new BinaryExpression(left, opToken, null, ParseAdditive(), op);
        }

        return left;
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (CurrentKind is SyntaxKind.Plus or SyntaxKind.Minus)
        {
            var op = CurrentKind == SyntaxKind.Plus ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
            var opToken = Take();
            left = new BinaryExpression(left, opToken, null, ParseMultiplicative(), op);
        }

        return left;
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseStringOperation();
        while (CurrentKind is SyntaxKind.Asterisk or SyntaxKind.Slash or SyntaxKind.Percent)
        {
            SyntaxFacts.TryGetBinaryOperator(CurrentKind, out var op, out _);
            var opToken = Take();
            left = new BinaryExpression(left, opToken, null, ParseStringOperation(), op);
        }

        return left;
    }

    private Expression ParseStringOperation()
    {
        Expression left;
        if (CurrentKind == SyntaxKind.Asterisk && TryPeekStringOperator(1, out _))
        {
            left = new StarExpression(Take()); // search-style: * has "x"
        }
        else
        {
            left = ParseUnary();
        }

        while (TryPeekStringOperator(0, out var op))
        {
            var opToken = IsWordKind(CurrentKind) ? TakeKeyword() : Take();
            var regex = op == BinaryOperatorKind.MatchesRegex ? ExpectKeyword("regex") : null;
            left = new BinaryExpression(left, opToken, regex, ParseUnary(), op);
        }

        return left;
    }

    /// <summary>A string operator at <paramref name="offset"/>: =~, !~, ':', or a word such as has, !contains_cs, matches regex.</summary>
    private bool TryPeekStringOperator(int offset, out BinaryOperatorKind op)
    {
        var token = Peek(offset);
        switch (token.Kind)
        {
            case SyntaxKind.EqualTilde:
                op = BinaryOperatorKind.EqualTilde;
                return true;
            case SyntaxKind.BangTilde:
                op = BinaryOperatorKind.BangTilde;
                return true;
            case SyntaxKind.Colon when _colonIsSearch:
                op = BinaryOperatorKind.Search;
                return true;
            case SyntaxKind.Identifier or SyntaxKind.Keyword:
                if (SyntaxFacts.TryGetWordOperator(Intern(TextOf(token)), out op, out var precedence) &&
                    precedence == SyntaxFacts.EqualityPrecedence && !SyntaxFacts.IsListOperator(op))
                {
                    // 'matches' is an operator only as 'matches regex'.
                    return op != BinaryOperatorKind.MatchesRegex || IsWord("regex", offset + 1);
                }

                break;
        }

        op = BinaryOperatorKind.None;
        return false;
    }

    /// <summary><c>( low .. high )</c>; the bounds are unary-level expressions.</summary>
    private BetweenExpression ParseBetweenRest(Expression left, SyntaxToken opToken)
    {
        var open = Expect(SyntaxKind.OpenParen);
        var low = ParseUnary();
        var dotDot = Expect(SyntaxKind.DotDot);
        var high = ParseUnary();
        return new BetweenExpression(left, opToken, open, low, dotDot, high, Expect(SyntaxKind.CloseParen));
    }

    /// <summary>
    /// The list of in/!in/in~/!in~/has_any/has_all: <c>( expr, ... )</c>. An element may be a query written inline,
    /// <c>x in (T | where ... | project c)</c>: the reference says it needs double parentheses, but its own runnable
    /// example (in-operator.md, "Tabular expression") uses single ones and Kusto accepts it.
    /// </summary>
    private ExpressionList ParseInList()
    {
        var open = Expect(SyntaxKind.OpenParen);
        var expressions = ParseSeparated(ParsePipeExpression);
        return new ExpressionList(open, expressions, Expect(SyntaxKind.CloseParen));
    }

    private Expression ParseUnary()
    {
        if (CurrentKind is SyntaxKind.Minus or SyntaxKind.Plus)
        {
            var op = Take();
            return new PrefixUnaryExpression(op, ParsePostfix(ParsePrimary()));
        }

        return ParsePostfix(ParsePrimary());
    }

    /// <summary><c>x.name</c>, <c>x.f()</c>, <c>x["key"]</c>, <c>x[0]</c>.</summary>
    private Expression ParsePostfix(Expression expression)
    {
        while (true)
        {
            if (CurrentKind == SyntaxKind.Dot)
            {
                var dot = Take();
                Expression selector;
                if (IsBracketedNameStart())
                {
                    selector = new NameReference(ParseBracketedName());
                }
                else if (CurrentKind is SyntaxKind.Identifier or SyntaxKind.Keyword ||
                         (SyntaxFacts.IsLiteral(CurrentKind) && Current.TextLength > 0 && char.IsAsciiLetter(TextOf(Current)[0])))
                {
                    // A member may be any word, even one that reads as a literal elsewhere (x.true is rare but valid).
                    var name = new IdentifierName(Take(SyntaxKind.Identifier));
                    selector = CurrentKind == SyntaxKind.OpenParen && Adjacent(0)
                        ? new FunctionCallExpression(name, ParseExpressionList())
                        : new NameReference(name);
                }
                else
                {
                    selector = new NameReference(new IdentifierName(Missing(SyntaxKind.Identifier, SyntaxDiagnostics.ExpectedName(Current.FullStart))));
                }

                expression = new PathExpression(expression, dot, selector);
            }
            else if (CurrentKind == SyntaxKind.OpenBracket)
            {
                var open = Take();
                var index = ParseExpression();
                expression = new ElementAccessExpression(expression, open, index, Expect(SyntaxKind.CloseBracket));
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParsePrimary()
    {
        var kind = CurrentKind;
        if (kind == SyntaxKind.StringLiteral)
        {
            return ParseStringLiteral();
        }

        if (SyntaxFacts.IsLiteral(kind))
        {
            return new LiteralExpression(Take());
        }

        switch (kind)
        {
            case SyntaxKind.OpenParen:
                return ParseParenthesized();
            case SyntaxKind.Asterisk:
                return new StarExpression(Take());
            case SyntaxKind.OpenBracket when IsBracketedNameStart():
                return new NameReference(ParseBracketedName());
            case SyntaxKind.Identifier:
                return ParseWordPrimary();
            default:
                return MissingExpression();
        }
    }

    private MissingExpression MissingExpression() =>
        new(Missing(SyntaxKind.Identifier, SyntaxDiagnostics.ExpectedExpression(Current.FullStart)));

    /// <summary>Adjacent string literals form one compound literal.</summary>
    private Expression ParseStringLiteral()
    {
        var first = Take();
        if (CurrentKind != SyntaxKind.StringLiteral)
        {
            return new LiteralExpression(first);
        }

        var tokens = new List<SyntaxToken> { first };
        while (CurrentKind == SyntaxKind.StringLiteral)
        {
            tokens.Add(Take());
        }

        return new CompoundStringLiteralExpression(List(tokens, first.FullStart));
    }

    private Expression ParseWordPrimary()
    {
        var word = CurrentText;
        var next = Peek(1).Kind;
        if (word is "toscalar" or "totable" && IsWord("kind", 1) && IsKind(SyntaxKind.Equal, 2))
        {
            // toscalar kind=nooptimization (T | ...): the option comes before the parenthesized query.
            var name = new IdentifierName(Take());
            var parameters = ParseParameters(KindParameter.Contains);
            return new FunctionCallExpression(name, parameters, ParseExpressionList(allowQueries: true));
        }

        if (next == SyntaxKind.OpenParen)
        {
            switch (word)
            {
                case "typeof":
                    return ParseTypeOf();
                case "datatable":
                    return ParseDataTable();
                case "externaldata" or "external_data":
                    return ParseExternalData();
                case "toscalar" or "totable" or "materialize":
                    // These take a query: toscalar(T | summarize count()).
                    return new FunctionCallExpression(new IdentifierName(Take()), ParseExpressionList(allowQueries: true));
                default:
                    return new FunctionCallExpression(new IdentifierName(Take()), ParseExpressionList());
            }
        }

        if (word == "entity_group" && next == SyntaxKind.OpenBracket)
        {
            var keyword = TakeKeyword();
            var open = Take();
            var entities = ParseSeparated(ParseExpression, () => CurrentKind == SyntaxKind.CloseBracket);
            return new EntityGroupExpression(keyword, open, entities, Expect(SyntaxKind.CloseBracket));
        }

        if (word == "datatable" && IsWordKind(next))
        {
            return ParseDataTable();
        }

        if (SyntaxFacts.IsClauseWord(word))
        {
            return MissingExpression();
        }

        return new NameReference(new IdentifierName(Take()));
    }

    /// <summary><c>( expr )</c>, where expr may be a query; <c>( expr, ... )</c> is not valid here.</summary>
    private Expression ParseParenthesized()
    {
        var open = Take();
        if (!EnterNesting())
        {
            var tooDeep = TooDeep();
            return new ParenthesizedExpression(open, tooDeep, Expect(SyntaxKind.CloseParen));
        }

        var inner = ParsePipeExpression();
        ExitNesting();
        return new ParenthesizedExpression(open, inner, Expect(SyntaxKind.CloseParen));
    }

    /// <summary><c>( arg, ... )</c>: arguments of calls and lists of in/has_any. Arguments may be named
    /// (<c>x = 1</c>), <c>*</c>, or queries.</summary>
    private ExpressionList ParseExpressionList(bool allowQueries = false)
    {
        var open = Expect(SyntaxKind.OpenParen);
        if (!EnterNesting())
        {
            var tooDeep = TooDeep();
            return new ExpressionList(open, new SeparatedSyntaxList<Expression>([tooDeep], [], tooDeep.FullStart), Expect(SyntaxKind.CloseParen));
        }

        var arguments = ParseSeparated<Expression>(allowQueries ? ParseQueryArgument : ParseArgument, () => CurrentKind == SyntaxKind.CloseParen);
        ExitNesting();
        return new ExpressionList(open, arguments, Expect(SyntaxKind.CloseParen));
    }

    /// <summary>A call argument: <c>*</c>, <c>name = expr</c> or an expression (a query needs its own parentheses).</summary>
    private Expression ParseArgument()
    {
        if (CurrentKind == SyntaxKind.Asterisk && IsKind(SyntaxKind.CloseParen, 1) || CurrentKind == SyntaxKind.Asterisk && IsKind(SyntaxKind.Comma, 1))
        {
            return new StarExpression(Take());
        }

        return ParseNamedExpression();
    }

    /// <summary>An argument of toscalar/totable/materialize: a query.</summary>
    private Expression ParseQueryArgument() => ParsePipeExpression();

    /// <summary>
    /// An element of extend/project/summarize/print lists: <c>name = expr</c>, <c>['a b'] = expr</c>,
    /// <c>(a, b) = expr</c>, or an expression.
    /// </summary>
    private Expression ParseNamedExpression()
    {
        if (CurrentKind == SyntaxKind.Identifier && IsKind(SyntaxKind.Equal, 1))
        {
            var name = new IdentifierName(Take());
            return new SimpleNamedExpression(name, Take(), ParseExpression());
        }

        if (IsBracketedNameStart() && IsKind(SyntaxKind.Equal, 3))
        {
            var name = ParseBracketedName();
            return new SimpleNamedExpression(name, Take(), ParseExpression());
        }

        if (CurrentKind == SyntaxKind.OpenParen && IsCompoundNameStart())
        {
            var open = Take();
            var names = ParseSeparated(ParseName);
            var close = Expect(SyntaxKind.CloseParen);
            var equal = Expect(SyntaxKind.Equal);
            return new CompoundNamedExpression(open, names, close, equal, ParseExpression());
        }

        return ParseExpression();
    }

    /// <summary><c>( name, name ) =</c>.</summary>
    private bool IsCompoundNameStart()
    {
        for (var i = 1; ; i += 2)
        {
            if (!IsKind(SyntaxKind.Identifier, i))
            {
                return false;
            }

            var after = Peek(i + 1).Kind;
            if (after == SyntaxKind.CloseParen)
            {
                return IsKind(SyntaxKind.Equal, i + 2);
            }

            if (after != SyntaxKind.Comma)
            {
                return false;
            }
        }
    }

    /// <summary>A name with wildcards (<c>Device*</c>, <c>*</c>), a plain name, or (when neither) an expression.</summary>
    private Expression ParseNameOrWildcardExpression()
    {
        if (CurrentKind is SyntaxKind.Identifier or SyntaxKind.Asterisk)
        {
            var count = 1;
            while (Peek(count).Kind is SyntaxKind.Identifier or SyntaxKind.Asterisk && Adjacent(count) &&
                   (Peek(count).Kind == SyntaxKind.Asterisk || Peek(count - 1).Kind == SyntaxKind.Asterisk))
            {
                count++;
            }

            var hasStar = false;
            for (var i = 0; i < count; i++)
            {
                hasStar |= Peek(i).Kind == SyntaxKind.Asterisk;
            }

            if (hasStar)
            {
                var start = Current.FullStart;
                var parts = new List<SyntaxToken>(count);
                for (var i = 0; i < count; i++)
                {
                    parts.Add(Take());
                }

                return new NameReference(new WildcardedName(List(parts, start)));
            }
        }

        return ParseExpression();
    }
}
