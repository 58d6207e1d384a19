using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

internal sealed partial class Parser
{
    private QueryBlock ParseQueryBlock()
    {
        var statements = ParseStatementList(inBody: false);
        SkipUntil(static p => false);
        var endOfFile = Take();
        return new QueryBlock(statements, endOfFile);
    }

    /// <summary>Statements separated by ';' (a trailing ';' is fine), up to the end (or '}' in a body).</summary>
    private SeparatedSyntaxList<Statement> ParseStatementList(bool inBody, SyntaxKind closeKind = SyntaxKind.CloseBrace)
    {
        var start = Current.FullStart;
        var statements = new List<Statement>();
        var separators = new List<SyntaxToken>();
        while (true)
        {
            SkipUntil(p => p.CanStartStatement() || (inBody && p.CurrentKind == closeKind));
            if (AtEnd || (inBody && CurrentKind == closeKind))
            {
                break;
            }

            if (statements.Count > separators.Count)
            {
                // The previous statement ended without ';' and another one starts.
                separators.Add(Missing(SyntaxKind.Semicolon, SyntaxDiagnostics.ExpectedToken(";", Current.FullStart)));
            }

            if (inBody && statements.Count > 0 && statements[^1] is ExpressionStatement)
            {
                _pendingDiagnostic = SyntaxDiagnostics.StatementAfterResult(Current.TextStart, Current.TextLength);
            }

            var before = _pos;
            statements.Add(ParseStatement());
            _pendingDiagnostic = null;
            if (_pos == before)
            {
                SkipCurrent(report: false); // the statement's missing expression already reported it
            }

            if (CurrentKind == SyntaxKind.Semicolon)
            {
                separators.Add(Take());
            }
        }

        return new SeparatedSyntaxList<Statement>([.. statements], [.. separators], start);
    }

    private bool CanStartStatement() => CurrentKind switch
    {
        SyntaxKind.Identifier or SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.Minus or SyntaxKind.Plus => true,
        SyntaxKind.Keyword => IsWord("macro-expand"), // the only hyphenated word that starts a query
        _ => SyntaxFacts.IsLiteral(CurrentKind),
    };

    private Statement ParseStatement()
    {
        if (IsWord("let") && (IsKind(SyntaxKind.Identifier, 1) || IsKind(SyntaxKind.OpenBracket, 1)))
        {
            return ParseLetStatement();
        }

        if (IsWord("set") && IsKind(SyntaxKind.Identifier, 1) &&
            (IsKind(SyntaxKind.Equal, 2) || IsKind(SyntaxKind.Semicolon, 2) || IsKind(SyntaxKind.EndOfFile, 2)))
        {
            var setKeyword = TakeKeyword();
            var option = ParseName();
            var equal = TakeIf(SyntaxKind.Equal);
            var value = equal is null ? null : ParseSetValue();
            return new SetStatement(setKeyword, option, equal, value);
        }

        if (IsWord("declare") && IsWord("query_parameters", 1))
        {
            var declare = TakeKeyword();
            var queryParameters = TakeKeyword();
            var open = Expect(SyntaxKind.OpenParen);
            var parameters = ParseSeparated(ParseFunctionParameter, () => CurrentKind == SyntaxKind.CloseParen);
            return new DeclareQueryParametersStatement(declare, queryParameters, open, parameters, Expect(SyntaxKind.CloseParen));
        }

        if (IsWord("declare") && IsWord("pattern", 1))
        {
            var declare = TakeKeyword();
            var pattern = TakeKeyword();
            var name = ParseName();
            var equal = TakeIf(SyntaxKind.Equal);
            return new PatternStatement(declare, pattern, name, equal, equal is null ? null : ParsePatternDeclaration());
        }

        if (IsWord("alias") && IsWord("database", 1))
        {
            var alias = TakeKeyword();
            var database = TakeKeyword();
            var name = ParseName();
            var equal = Expect(SyntaxKind.Equal);
            return new AliasStatement(alias, database, name, equal, ParseExpression());
        }

        if (IsWord("restrict") && IsWord("access", 1))
        {
            var restrict = TakeKeyword();
            var access = TakeKeyword();
            var to = ExpectKeyword("to");
            var open = Expect(SyntaxKind.OpenParen);
            var entities = ParseSeparated(ParseNameOrWildcardExpression, () => CurrentKind == SyntaxKind.CloseParen);
            return new RestrictStatement(restrict, access, to, open, entities, Expect(SyntaxKind.CloseParen));
        }

        return new ExpressionStatement(ParsePipeExpression());
    }

    private PatternDeclaration ParsePatternDeclaration()
    {
        var open = Expect(SyntaxKind.OpenParen);
        var parameters = ParseSeparated(ParseFunctionParameter, () => CurrentKind == SyntaxKind.CloseParen);
        var close = Expect(SyntaxKind.CloseParen);
        SyntaxToken? openBracket = null, closeBracket = null;
        FunctionParameter? path = null;
        if (CurrentKind == SyntaxKind.OpenBracket)
        {
            openBracket = Take();
            path = ParseFunctionParameter();
            closeBracket = Expect(SyntaxKind.CloseBracket);
        }

        var openBrace = Expect(SyntaxKind.OpenBrace);
        var start = Current.FullStart;
        var rules = new List<PatternRule>();
        do
        {
            rules.Add(ParsePatternRule());
        }
        while (CurrentKind == SyntaxKind.OpenParen);

        return new PatternDeclaration(open, parameters, close, openBracket, path, closeBracket, openBrace, List(rules, start),
            Expect(SyntaxKind.CloseBrace));
    }

    /// <summary><c>("a", ...) [.["path"]] = { body } [;]</c>.</summary>
    private PatternRule ParsePatternRule()
    {
        var argumentsOpen = Expect(SyntaxKind.OpenParen);
        var arguments = ParseSeparated(ParseLiteralValue, () => CurrentKind == SyntaxKind.CloseParen);
        var argumentList = new ExpressionList(argumentsOpen, arguments, Expect(SyntaxKind.CloseParen));
        SyntaxToken? dot = null, openBracket = null, closeBracket = null;
        Expression? path = null;
        if (CurrentKind == SyntaxKind.Dot)
        {
            dot = Take();
            openBracket = Expect(SyntaxKind.OpenBracket);
            path = ParseLiteralValue();
            closeBracket = Expect(SyntaxKind.CloseBracket);
        }

        var equal = Expect(SyntaxKind.Equal);
        var body = ParseFunctionBody();
        return new PatternRule(argumentList, dot, openBracket, path, closeBracket, equal, body, TakeIf(SyntaxKind.Semicolon));
    }

    /// <summary>A set option's value: a literal, a name, or any text up to ';' taken as a name-like value.</summary>
    private Expression ParseSetValue() => ParseExpression();

    private LetStatement ParseLetStatement()
    {
        var let = TakeKeyword();
        var name = ParseName();
        var equal = Expect(SyntaxKind.Equal);
        Expression value;
        if (IsWord("view") && IsKind(SyntaxKind.OpenParen, 1))
        {
            value = ParseFunctionDeclaration(TakeKeyword());
        }
        else if (IsFunctionDeclarationStart())
        {
            value = ParseFunctionDeclaration(null);
        }
        else
        {
            value = ParsePipeExpression();
        }

        return new LetStatement(let, name, equal, value);
    }

    /// <summary><c>( )</c> followed by '{', or <c>( name :</c>.</summary>
    private bool IsFunctionDeclarationStart() =>
        CurrentKind == SyntaxKind.OpenParen &&
        ((IsKind(SyntaxKind.CloseParen, 1) && IsKind(SyntaxKind.OpenBrace, 2)) ||
         (IsWordKind(Peek(1).Kind) && IsKind(SyntaxKind.Colon, 2)) ||
         (IsKind(SyntaxKind.OpenBracket, 1) && IsKind(SyntaxKind.CloseBracket, 3) && IsKind(SyntaxKind.Colon, 4)));

    private FunctionDeclaration ParseFunctionDeclaration(SyntaxToken? viewKeyword)
    {
        var open = Expect(SyntaxKind.OpenParen);
        var parameters = ParseSeparated(ParseFunctionParameter, () => CurrentKind == SyntaxKind.CloseParen);
        var close = Expect(SyntaxKind.CloseParen);
        return new FunctionDeclaration(viewKeyword, open, parameters, close, ParseFunctionBody());
    }

    private FunctionBody ParseFunctionBody()
    {
        var open = Expect(SyntaxKind.OpenBrace);
        if (!EnterNesting())
        {
            var tooDeep = TooDeep();
            return new FunctionBody(open, new SeparatedSyntaxList<Statement>([new ExpressionStatement(tooDeep)], [], tooDeep.FullStart),
                Expect(SyntaxKind.CloseBrace));
        }

        var statements = ParseStatementList(inBody: true);
        ExitNesting();
        return new FunctionBody(open, statements, Expect(SyntaxKind.CloseBrace));
    }

    /// <summary><c>name:type [= default]</c>; the type may be a schema <c>(x:long, ...)</c> or <c>(*)</c>.</summary>
    private FunctionParameter ParseFunctionParameter()
    {
        var name = ParseName();
        var colon = Expect(SyntaxKind.Colon);
        var type = ParseType();
        var declaration = new NameAndTypeDeclaration(name, colon, type);
        var equal = TakeIf(SyntaxKind.Equal);
        var defaultValue = equal is null ? null : ParseExpression();
        return new FunctionParameter(declaration, equal, defaultValue);
    }

    private TypeExpression ParseType()
    {
        if (CurrentKind == SyntaxKind.OpenParen)
        {
            return ParseSchema();
        }

        if (CurrentKind == SyntaxKind.Identifier && SyntaxFacts.IsScalarTypeName(CurrentText))
        {
            return new PrimitiveTypeExpression(TakeKeyword());
        }

        if (CurrentKind == SyntaxKind.Identifier)
        {
            return new PrimitiveTypeExpression(Take(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedType(Current.TextStart, Current.TextLength)));
        }

        return new PrimitiveTypeExpression(Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedType(Current.FullStart)));
    }

    /// <summary><c>( name:type, ... )</c> or <c>( * )</c>.</summary>
    private SchemaTypeExpression ParseSchema()
    {
        var open = Expect(SyntaxKind.OpenParen);
        var columns = ParseSeparated<SyntaxNode>(
            () => CurrentKind == SyntaxKind.Asterisk ? new StarExpression(Take()) : ParseNameAndType(typeRequired: true),
            () => CurrentKind == SyntaxKind.CloseParen);
        return new SchemaTypeExpression(open, columns, Expect(SyntaxKind.CloseParen));
    }

    private NameAndTypeDeclaration ParseNameAndType(bool typeRequired)
    {
        var name = ParseName();
        if (!typeRequired && CurrentKind != SyntaxKind.Colon)
        {
            return new NameAndTypeDeclaration(name, null, null);
        }

        var colon = Expect(SyntaxKind.Colon);
        return new NameAndTypeDeclaration(name, colon, ParseType());
    }

    /// <summary>A name: an identifier (any word, keywords included) or <c>['name']</c>.</summary>
    private Name ParseName()
    {
        if (CurrentKind == SyntaxKind.Identifier)
        {
            return new IdentifierName(Take());
        }

        if (IsBracketedNameStart())
        {
            return ParseBracketedName();
        }

        return new IdentifierName(Missing(SyntaxKind.Identifier, SyntaxDiagnostics.ExpectedName(Current.FullStart)));
    }

    private bool IsBracketedNameStart() =>
        CurrentKind == SyntaxKind.OpenBracket && IsKind(SyntaxKind.StringLiteral, 1) && IsKind(SyntaxKind.CloseBracket, 2);

    private BracketedName ParseBracketedName() => new(Take(), Take(), Take());
}
