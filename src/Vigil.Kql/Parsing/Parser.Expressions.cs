using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

internal sealed partial class Parser
{
    /// <summary>Set while parsing make-series' axis, where <c>in range(...)</c> is not an <c>in</c> expression.</summary>
    private bool _noInOperator;

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
    private Expression ParseExpression() => ParseBinary(SyntaxFacts.OrPrecedence);

    private Expression ParseBinary(int minPrecedence)
    {
        if (!EnterNesting())
        {
            return TooDeep();
        }

        var left = ParseUnary();
        while (TryPeekBinaryOperator(out var op, out var precedence) && precedence >= minPrecedence)
        {
            var opToken = IsWordKind(CurrentKind) ? TakeKeyword() : Take();
            if (op == BinaryOperatorKind.None)
            {
                left = ParseBetweenRest(left, opToken);
            }
            else if (SyntaxFacts.IsListOperator(op))
            {
                left = new InExpression(left, opToken, ParseExpressionList(), op);
            }
            else
            {
                var regex = op == BinaryOperatorKind.MatchesRegex ? ExpectKeyword("regex") : null;
                var right = ParseBinary(precedence + 1);
                left = new BinaryExpression(left, opToken, regex, right, op);
            }
        }

        ExitNesting();
        return left;
    }

    /// <summary>The binary operator at the current token. <c>between</c>/<c>!between</c> report <see cref="BinaryOperatorKind.None"/>.</summary>
    private bool TryPeekBinaryOperator(out BinaryOperatorKind op, out int precedence)
    {
        var kind = CurrentKind;
        if (SyntaxFacts.TryGetBinaryOperator(kind, out op, out precedence))
        {
            return true;
        }

        if (IsWordKind(kind))
        {
            var word = CurrentText;
            if (word is "between" or "!between")
            {
                op = BinaryOperatorKind.None;
                precedence = SyntaxFacts.EqualityPrecedence;
                return true;
            }

            if (SyntaxFacts.TryGetWordOperator(word, out op, out precedence))
            {
                if (op == BinaryOperatorKind.In && _noInOperator)
                {
                    return false;
                }

                // 'matches' is an operator only as 'matches regex'.
                return op != BinaryOperatorKind.MatchesRegex || IsWord("regex", 1);
            }
        }

        return false;
    }

    private BetweenExpression ParseBetweenRest(Expression left, SyntaxToken opToken)
    {
        var open = Expect(SyntaxKind.OpenParen);
        var low = ParseBinary(SyntaxFacts.RelationalPrecedence);
        var dotDot = Expect(SyntaxKind.DotDot);
        var high = ParseBinary(SyntaxFacts.RelationalPrecedence);
        return new BetweenExpression(left, opToken, open, low, dotDot, high, Expect(SyntaxKind.CloseParen));
    }

    private Expression ParseUnary()
    {
        if (CurrentKind is SyntaxKind.Minus or SyntaxKind.Plus)
        {
            if (!EnterNesting())
            {
                return TooDeep();
            }

            var op = Take();
            var operand = ParseUnary();
            ExitNesting();
            return new PrefixUnaryExpression(op, operand);
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
                default:
                    return new FunctionCallExpression(new IdentifierName(Take()), ParseExpressionList());
            }
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
    private ExpressionList ParseExpressionList()
    {
        var open = Expect(SyntaxKind.OpenParen);
        if (!EnterNesting())
        {
            var tooDeep = TooDeep();
            return new ExpressionList(open, new SeparatedSyntaxList<Expression>([tooDeep], [], tooDeep.FullStart), Expect(SyntaxKind.CloseParen));
        }

        var arguments = ParseSeparated(ParseArgument, () => CurrentKind == SyntaxKind.CloseParen);
        ExitNesting();
        return new ExpressionList(open, arguments, Expect(SyntaxKind.CloseParen));
    }

    private Expression ParseArgument()
    {
        if (CurrentKind == SyntaxKind.Identifier && IsKind(SyntaxKind.Equal, 1))
        {
            var name = new IdentifierName(Take());
            return new SimpleNamedExpression(name, Take(), ParsePipeExpression());
        }

        return ParsePipeExpression();
    }

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

    private TypeOfExpression ParseTypeOf()
    {
        var keyword = TakeKeyword();
        var open = Expect(SyntaxKind.OpenParen);
        var types = ParseSeparated<SyntaxNode>(
            () => IsKind(SyntaxKind.Colon, 1) ? ParseNameAndType(typeRequired: true) : ParseType(),
            () => CurrentKind == SyntaxKind.CloseParen);
        return new TypeOfExpression(keyword, open, types, Expect(SyntaxKind.CloseParen));
    }

    private DataTableExpression ParseDataTable()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(static _ => false);
        var schema = ParseSchema();
        var open = Expect(SyntaxKind.OpenBracket);
        var values = ParseSeparated(ParseExpression, () => CurrentKind == SyntaxKind.CloseBracket, allowTrailingSeparator: true);
        return new DataTableExpression(keyword, parameters, schema, open, values, Expect(SyntaxKind.CloseBracket));
    }

    private ExternalDataExpression ParseExternalData()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(static _ => false);
        var schema = ParseSchema();
        var open = Expect(SyntaxKind.OpenBracket);
        var uris = ParseSeparated(ParseExpression, () => CurrentKind == SyntaxKind.CloseBracket, allowTrailingSeparator: true);
        var close = Expect(SyntaxKind.CloseBracket);
        var with = IsWord("with") && IsKind(SyntaxKind.OpenParen, 1) ? ParseWithClause() : null;
        return new ExternalDataExpression(keyword, parameters, schema, open, uris, close, with);
    }

    /// <summary><c>with ( name = value, ... )</c>.</summary>
    private WithClause ParseWithClause()
    {
        var with = TakeKeyword();
        var open = Expect(SyntaxKind.OpenParen);
        var properties = ParseSeparated(ParseAnyNamedParameter, () => CurrentKind == SyntaxKind.CloseParen);
        return new WithClause(with, open, properties, Expect(SyntaxKind.CloseParen));
    }

    /// <summary>Operator parameters (<c>kind=inner hint.strategy=shuffle</c>): a word accepted by
    /// <paramref name="isParameter"/> (or any <c>hint.*</c>) followed by '='.</summary>
    private SyntaxList<NamedParameter> ParseParameters(Func<string, bool> isParameter)
    {
        var start = Current.FullStart;
        List<NamedParameter>? parameters = null;
        while (IsWordKind(CurrentKind) && IsKind(SyntaxKind.Equal, 1))
        {
            var word = CurrentText;
            if (!word.StartsWith("hint.", StringComparison.Ordinal) && !isParameter(word))
            {
                break;
            }

            (parameters ??= []).Add(ParseAnyNamedParameter());
        }

        return parameters is null ? new SyntaxList<NamedParameter>([], start) : List(parameters, start);
    }

    /// <summary><c>name = value</c> where value is a literal, a name, or a signed number.</summary>
    private NamedParameter ParseAnyNamedParameter()
    {
        var name = IsWordKind(CurrentKind)
            ? TakeKeyword()
            : Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedName(Current.FullStart));
        var equal = Expect(SyntaxKind.Equal);
        return new NamedParameter(name, equal, ParseParameterValue());
    }

    private Expression ParseParameterValue()
    {
        if (CurrentKind == SyntaxKind.Identifier)
        {
            return new NameReference(new IdentifierName(Take()));
        }

        if (CurrentKind is SyntaxKind.StringLiteral || SyntaxFacts.IsLiteral(CurrentKind) ||
            CurrentKind is SyntaxKind.Minus or SyntaxKind.Plus or SyntaxKind.OpenParen)
        {
            return ParseUnary();
        }

        return MissingExpression();
    }
}
