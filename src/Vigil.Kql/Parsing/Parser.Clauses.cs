using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

/// <summary>Literal-ish constructs: typeof, datatable, externaldata, with clauses and operator parameters.</summary>
internal sealed partial class Parser
{
    private TypeOfExpression ParseTypeOf()
    {
        var keyword = TakeKeyword();
        var open = Expect(SyntaxKind.OpenParen);
        var types = ParseSeparated<SyntaxNode>(
            () => CurrentKind == SyntaxKind.Asterisk ? new StarExpression(Take())
                : IsKind(SyntaxKind.Colon, 1) ? ParseNameAndType(typeRequired: true) : ParseType(),
            () => CurrentKind == SyntaxKind.CloseParen);
        return new TypeOfExpression(keyword, open, types, Expect(SyntaxKind.CloseParen));
    }

    private DataTableExpression ParseDataTable()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(static _ => false);
        var schema = ParseSchema();
        var open = Expect(SyntaxKind.OpenBracket);
        var values = ParseSeparated(ParseLiteralValue, () => CurrentKind == SyntaxKind.CloseBracket, allowTrailingSeparator: true);
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

    /// <summary>A literal (datatable values): a literal token, adjacent strings, or a signed number.</summary>
    private Expression ParseLiteralValue()
    {
        if (CurrentKind == SyntaxKind.StringLiteral)
        {
            return ParseStringLiteral();
        }

        if (SyntaxFacts.IsLiteral(CurrentKind))
        {
            return new LiteralExpression(Take());
        }

        if (CurrentKind is SyntaxKind.Minus or SyntaxKind.Plus &&
            Peek(1).Kind is SyntaxKind.LongLiteral or SyntaxKind.RealLiteral or SyntaxKind.IntLiteral or SyntaxKind.DecimalLiteral
                or SyntaxKind.TimespanLiteral)
        {
            var sign = Take();
            return new PrefixUnaryExpression(sign, new LiteralExpression(Take()));
        }

        // Not a literal: report it once and skip it (up to the next ',' or ']') so the rest of the values still parse.
        var diagnostic = SyntaxDiagnostics.ExpectedLiteral(Current.TextStart, Current.TextLength);
        var nesting = 0;
        while (!AtEnd && (nesting > 0 || CurrentKind is not (SyntaxKind.Comma or SyntaxKind.CloseBracket or SyntaxKind.Semicolon)))
        {
            nesting += CurrentKind switch
            {
                SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.OpenBrace => 1,
                SyntaxKind.CloseParen or SyntaxKind.CloseBracket or SyntaxKind.CloseBrace => -1,
                _ => 0,
            };
            if (nesting < 0)
            {
                break;
            }

            SkipCurrent(report: false);
        }

        return new MissingExpression(Missing(SyntaxKind.Identifier, diagnostic));
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
