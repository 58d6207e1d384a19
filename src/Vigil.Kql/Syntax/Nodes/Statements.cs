namespace Vigil.Kql.Syntax;

/// <summary>A statement of a query block or function body.</summary>
public abstract class Statement : SyntaxNode
{
    private protected Statement(SyntaxKind kind, SyntaxElement?[] slots)
        : base(kind, slots)
    {
    }
}

/// <summary>The root: statements separated by ';' and the end-of-file token (which holds the trailing trivia).</summary>
public sealed class QueryBlock : SyntaxNode
{
    internal QueryBlock(SeparatedSyntaxList<Statement> statements, SyntaxToken endOfFile)
        : base(SyntaxKind.QueryBlock, [statements, endOfFile])
    {
    }

    public SeparatedSyntaxList<Statement> Statements => Slot<SeparatedSyntaxList<Statement>>(0);

    public SyntaxToken EndOfFile => Slot<SyntaxToken>(1);
}

/// <summary>A query (tabular expression) or, in a function body, the result expression.</summary>
public sealed class ExpressionStatement : Statement
{
    internal ExpressionStatement(Expression expression)
        : base(SyntaxKind.ExpressionStatement, [expression])
    {
    }

    public Expression Expression => Slot<Expression>(0);
}

/// <summary><c>let name = expression</c>: a scalar, a query, <c>materialize(...)</c>, a function or a view.</summary>
public sealed class LetStatement : Statement
{
    internal LetStatement(SyntaxToken letKeyword, Name name, SyntaxToken equal, Expression expression)
        : base(SyntaxKind.LetStatement, [letKeyword, name, equal, expression])
    {
    }

    public SyntaxToken LetKeyword => Slot<SyntaxToken>(0);

    public Name Name => Slot<Name>(1);

    public SyntaxToken Equal => Slot<SyntaxToken>(2);

    /// <summary>The value; a <see cref="FunctionDeclaration"/> for functions and views.</summary>
    public Expression Expression => Slot<Expression>(3);
}

/// <summary><c>set option</c> or <c>set option = value</c>.</summary>
public sealed class SetStatement : Statement
{
    internal SetStatement(SyntaxToken setKeyword, Name option, SyntaxToken? equal, Expression? value)
        : base(SyntaxKind.SetStatement, [setKeyword, option, equal, value])
    {
    }

    public SyntaxToken SetKeyword => Slot<SyntaxToken>(0);

    public Name Option => Slot<Name>(1);

    public SyntaxToken? Equal => OptionalSlot<SyntaxToken>(2);

    public Expression? Value => OptionalSlot<Expression>(3);
}

/// <summary><c>declare query_parameters (name:type [= default], ...)</c>.</summary>
public sealed class DeclareQueryParametersStatement : Statement
{
    internal DeclareQueryParametersStatement(
        SyntaxToken declareKeyword, SyntaxToken queryParametersKeyword, SyntaxToken openParen,
        SeparatedSyntaxList<FunctionParameter> parameters, SyntaxToken closeParen)
        : base(SyntaxKind.DeclareQueryParametersStatement, [declareKeyword, queryParametersKeyword, openParen, parameters, closeParen])
    {
    }

    public SyntaxToken DeclareKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken QueryParametersKeyword => Slot<SyntaxToken>(1);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(2);

    public SeparatedSyntaxList<FunctionParameter> Parameters => Slot<SeparatedSyntaxList<FunctionParameter>>(3);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(4);
}

/// <summary><c>alias database name = cluster('c').database('d')</c>.</summary>
public sealed class AliasStatement : Statement
{
    internal AliasStatement(SyntaxToken aliasKeyword, SyntaxToken databaseKeyword, Name name, SyntaxToken equal, Expression expression)
        : base(SyntaxKind.AliasStatement, [aliasKeyword, databaseKeyword, name, equal, expression])
    {
    }

    public SyntaxToken AliasKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken DatabaseKeyword => Slot<SyntaxToken>(1);

    public Name Name => Slot<Name>(2);

    public SyntaxToken Equal => Slot<SyntaxToken>(3);

    public Expression Expression => Slot<Expression>(4);
}

/// <summary><c>restrict access to (T1, T2, ...)</c>.</summary>
public sealed class RestrictStatement : Statement
{
    internal RestrictStatement(
        SyntaxToken restrictKeyword, SyntaxToken accessKeyword, SyntaxToken toKeyword, SyntaxToken openParen,
        SeparatedSyntaxList<Expression> entities, SyntaxToken closeParen)
        : base(SyntaxKind.RestrictStatement, [restrictKeyword, accessKeyword, toKeyword, openParen, entities, closeParen])
    {
    }

    public SyntaxToken RestrictKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken AccessKeyword => Slot<SyntaxToken>(1);

    public SyntaxToken ToKeyword => Slot<SyntaxToken>(2);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(3);

    public SeparatedSyntaxList<Expression> Entities => Slot<SeparatedSyntaxList<Expression>>(4);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(5);
}

/// <summary><c>declare pattern name</c>, optionally with its definition
/// <c>= (p:string) [q:string] { ("a").["b"] = { T }; ... }</c>.</summary>
public sealed class PatternStatement : Statement
{
    internal PatternStatement(
        SyntaxToken declareKeyword, SyntaxToken patternKeyword, Name name, SyntaxToken? equal = null, PatternDeclaration? declaration = null)
        : base(SyntaxKind.PatternStatement, [declareKeyword, patternKeyword, name, equal, declaration])
    {
    }

    public SyntaxToken DeclareKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken PatternKeyword => Slot<SyntaxToken>(1);

    public Name Name => Slot<Name>(2);

    public SyntaxToken? Equal => OptionalSlot<SyntaxToken>(3);

    public PatternDeclaration? Declaration => OptionalSlot<PatternDeclaration>(4);
}

/// <summary>A pattern's definition: <c>(p:string, ...) [path:string] { rule; rule; }</c>.</summary>
public sealed class PatternDeclaration : SyntaxNode
{
    internal PatternDeclaration(
        SyntaxToken openParen, SeparatedSyntaxList<FunctionParameter> parameters, SyntaxToken closeParen, SyntaxToken? openBracket,
        FunctionParameter? pathParameter, SyntaxToken? closeBracket, SyntaxToken openBrace, SyntaxList<PatternRule> rules,
        SyntaxToken closeBrace)
        : base(SyntaxKind.PatternDeclaration,
            [openParen, parameters, closeParen, openBracket, pathParameter, closeBracket, openBrace, rules, closeBrace])
    {
    }

    public SeparatedSyntaxList<FunctionParameter> Parameters => Slot<SeparatedSyntaxList<FunctionParameter>>(1);

    public FunctionParameter? PathParameter => OptionalSlot<FunctionParameter>(4);

    public SyntaxList<PatternRule> Rules => Slot<SyntaxList<PatternRule>>(7);
}

/// <summary>One rule of a pattern: <c>("a", "b").["path"] = { query };</c>.</summary>
public sealed class PatternRule : SyntaxNode
{
    internal PatternRule(
        ExpressionList arguments, SyntaxToken? dot, SyntaxToken? openBracket, Expression? pathArgument, SyntaxToken? closeBracket,
        SyntaxToken equal, FunctionBody body, SyntaxToken? semicolon)
        : base(SyntaxKind.PatternRule, [arguments, dot, openBracket, pathArgument, closeBracket, equal, body, semicolon])
    {
    }

    /// <summary>The string literals the rule matches.</summary>
    public ExpressionList Arguments => Slot<ExpressionList>(0);

    public Expression? PathArgument => OptionalSlot<Expression>(3);

    public FunctionBody Body => Slot<FunctionBody>(6);
}
