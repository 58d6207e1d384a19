namespace Vigil.Kql.Syntax;

/// <summary>A scalar or tabular expression. Query operators are expressions too (see <see cref="QueryOperator"/>).</summary>
public abstract class Expression : SyntaxNode
{
    private protected Expression(SyntaxKind kind, SyntaxElement?[] slots, int emptyStart = 0)
        : base(kind, slots, emptyStart)
    {
    }
}

/// <summary>A reference to a column, table, variable or function by name.</summary>
public sealed class NameReference : Expression
{
    internal NameReference(Name name)
        : base(SyntaxKind.NameReference, [name])
    {
    }

    public Name Name => Slot<Name>(0);

    public string SimpleName => Name.SimpleName;
}

/// <summary>A literal token: <c>1</c>, <c>2.5</c>, <c>'x'</c>, <c>1d</c>, <c>true</c>, <c>datetime(...)</c>, <c>dynamic([1])</c>, <c>long(null)</c>.</summary>
public sealed class LiteralExpression : Expression
{
    internal LiteralExpression(SyntaxToken token)
        : base(SyntaxKind.LiteralExpression, [token])
    {
    }

    public SyntaxToken Token => Slot<SyntaxToken>(0);

    /// <summary>The token kind: <see cref="SyntaxKind.LongLiteral"/>, <see cref="SyntaxKind.StringLiteral"/>...</summary>
    public SyntaxKind LiteralKind => Token.Kind;
}

/// <summary>Adjacent string literals, which KQL concatenates: <c>'a' "b" @'c'</c>.</summary>
public sealed class CompoundStringLiteralExpression : Expression
{
    internal CompoundStringLiteralExpression(SyntaxList<SyntaxToken> tokens)
        : base(SyntaxKind.CompoundStringLiteralExpression, [tokens])
    {
    }

    public SyntaxList<SyntaxToken> Tokens => Slot<SyntaxList<SyntaxToken>>(0);

    /// <summary>The concatenated value.</summary>
    public string GetValue()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var token in Tokens)
        {
            builder.Append(SyntaxFacts.GetStringValue(token.Text));
        }

        return builder.ToString();
    }
}

/// <summary>A zero-width placeholder where an expression was expected (the token holds the diagnostic).</summary>
public sealed class MissingExpression : Expression
{
    internal MissingExpression(SyntaxToken missing)
        : base(SyntaxKind.MissingExpression, [missing])
    {
    }

    public SyntaxToken Token => Slot<SyntaxToken>(0);
}

/// <summary><c>( expression )</c>; the inner expression may be a query (<c>(T | where x)</c>).</summary>
public sealed class ParenthesizedExpression : Expression
{
    internal ParenthesizedExpression(SyntaxToken openParen, Expression expression, SyntaxToken closeParen)
        : base(SyntaxKind.ParenthesizedExpression, [openParen, expression, closeParen])
    {
    }

    public SyntaxToken OpenParen => Slot<SyntaxToken>(0);

    public Expression Expression => Slot<Expression>(1);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);
}

/// <summary><c>-x</c> or <c>+x</c>.</summary>
public sealed class PrefixUnaryExpression : Expression
{
    internal PrefixUnaryExpression(SyntaxToken operatorToken, Expression operand)
        : base(SyntaxKind.PrefixUnaryExpression, [operatorToken, operand])
    {
    }

    public SyntaxToken Operator => Slot<SyntaxToken>(0);

    public Expression Operand => Slot<Expression>(1);

    /// <summary><see cref="UnaryOperatorKind.Negate"/> for '-', <see cref="UnaryOperatorKind.Plus"/> for '+'.</summary>
    public UnaryOperatorKind OperatorKind => Operator.Kind == SyntaxKind.Minus ? UnaryOperatorKind.Negate : UnaryOperatorKind.Plus;
}

/// <summary><c>left op right</c> for arithmetic, logical, comparison and string operators (see <see cref="OperatorKind"/>).</summary>
public sealed class BinaryExpression : Expression
{
    internal BinaryExpression(
        Expression left, SyntaxToken operatorToken, SyntaxToken? regexKeyword, Expression right, BinaryOperatorKind operatorKind)
        : base(SyntaxKind.BinaryExpression, [left, operatorToken, regexKeyword, right])
    {
        OperatorKind = operatorKind;
    }

    public Expression Left => Slot<Expression>(0);

    /// <summary>The operator token (for <c>matches regex</c> the token is <c>matches</c>; see <see cref="RegexKeyword"/>).</summary>
    public SyntaxToken Operator => Slot<SyntaxToken>(1);

    /// <summary>The <c>regex</c> of <c>matches regex</c>; null for every other operator.</summary>
    public SyntaxToken? RegexKeyword => OptionalSlot<SyntaxToken>(2);

    public Expression Right => Slot<Expression>(3);

    public BinaryOperatorKind OperatorKind { get; }
}

/// <summary><c>x in (a, b)</c>, <c>!in</c>, <c>in~</c>, <c>!in~</c>, <c>has_any</c>, <c>has_all</c>; the list may hold a subquery.</summary>
public sealed class InExpression : Expression
{
    internal InExpression(Expression left, SyntaxToken operatorToken, ExpressionList right, BinaryOperatorKind operatorKind)
        : base(SyntaxKind.InExpression, [left, operatorToken, right])
    {
        OperatorKind = operatorKind;
    }

    public Expression Left => Slot<Expression>(0);

    public SyntaxToken Operator => Slot<SyntaxToken>(1);

    public ExpressionList Right => Slot<ExpressionList>(2);

    public BinaryOperatorKind OperatorKind { get; }
}

/// <summary><c>x between (low .. high)</c> or <c>!between</c>.</summary>
public sealed class BetweenExpression : Expression
{
    internal BetweenExpression(
        Expression left, SyntaxToken operatorToken, SyntaxToken openParen, Expression low, SyntaxToken dotDot, Expression high,
        SyntaxToken closeParen)
        : base(SyntaxKind.BetweenExpression, [left, operatorToken, openParen, low, dotDot, high, closeParen])
    {
    }

    public Expression Left => Slot<Expression>(0);

    public SyntaxToken Operator => Slot<SyntaxToken>(1);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(2);

    public Expression Low => Slot<Expression>(3);

    public SyntaxToken DotDot => Slot<SyntaxToken>(4);

    public Expression High => Slot<Expression>(5);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(6);

    public bool IsNegated => Operator.Text == "!between";
}

/// <summary><c>name(arg, ...)</c>; arguments may be <c>*</c>, named (<c>x = 1</c>) or queries.</summary>
public sealed class FunctionCallExpression : Expression
{
    internal FunctionCallExpression(Name name, ExpressionList arguments)
        : this(name, null, arguments)
    {
    }

    internal FunctionCallExpression(Name name, SyntaxList<NamedParameter>? parameters, ExpressionList arguments)
        : base(SyntaxKind.FunctionCallExpression, [name, parameters, arguments])
    {
    }

    public Name Name => Slot<Name>(0);

    /// <summary>The <c>kind=nooptimization</c> of <c>toscalar kind=nooptimization (...)</c> / <c>totable</c>; null for every other call.</summary>
    public SyntaxList<NamedParameter>? Parameters => OptionalSlot<SyntaxList<NamedParameter>>(1);

    public ExpressionList ArgumentList => Slot<ExpressionList>(2);

    public SeparatedSyntaxList<Expression> Arguments => ArgumentList.Expressions;
}

/// <summary><c>( expr, expr, ... )</c>: function arguments and the right side of <c>in</c>/<c>has_any</c>.</summary>
public sealed class ExpressionList : SyntaxNode
{
    internal ExpressionList(SyntaxToken openParen, SeparatedSyntaxList<Expression> expressions, SyntaxToken closeParen)
        : base(SyntaxKind.ExpressionList, [openParen, expressions, closeParen])
    {
    }

    public SyntaxToken OpenParen => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);
}

/// <summary><c>x.y</c> (member of a dynamic value, or <c>database('d').T</c>); the selector is a name reference,
/// a bracketed name or a function call.</summary>
public sealed class PathExpression : Expression
{
    internal PathExpression(Expression expression, SyntaxToken dot, Expression selector)
        : base(SyntaxKind.PathExpression, [expression, dot, selector])
    {
    }

    public Expression Expression => Slot<Expression>(0);

    public SyntaxToken Dot => Slot<SyntaxToken>(1);

    public Expression Selector => Slot<Expression>(2);
}

/// <summary><c>x[index]</c>: <c>x["key"]</c>, <c>x[0]</c>, <c>x[-1]</c>.</summary>
public sealed class ElementAccessExpression : Expression
{
    internal ElementAccessExpression(Expression expression, SyntaxToken openBracket, Expression index, SyntaxToken closeBracket)
        : base(SyntaxKind.ElementAccessExpression, [expression, openBracket, index, closeBracket])
    {
    }

    public Expression Expression => Slot<Expression>(0);

    public SyntaxToken OpenBracket => Slot<SyntaxToken>(1);

    public Expression Index => Slot<Expression>(2);

    public SyntaxToken CloseBracket => Slot<SyntaxToken>(3);
}

/// <summary><c>*</c> as an argument (<c>arg_max(x, *)</c>) or operand (<c>distinct *</c>, <c>search * has "x"</c>).</summary>
public sealed class StarExpression : Expression
{
    internal StarExpression(SyntaxToken asterisk)
        : base(SyntaxKind.StarExpression, [asterisk])
    {
    }

    public SyntaxToken Asterisk => Slot<SyntaxToken>(0);
}

/// <summary><c>name = expression</c> in extend/project/summarize/print lists and named arguments.</summary>
public sealed class SimpleNamedExpression : Expression
{
    internal SimpleNamedExpression(Name name, SyntaxToken equal, Expression expression)
        : base(SyntaxKind.SimpleNamedExpression, [name, equal, expression])
    {
    }

    public Name Name => Slot<Name>(0);

    public SyntaxToken Equal => Slot<SyntaxToken>(1);

    public Expression Expression => Slot<Expression>(2);
}

/// <summary><c>(a, b) = expression</c>: names for the columns of a function that returns several.</summary>
public sealed class CompoundNamedExpression : Expression
{
    internal CompoundNamedExpression(
        SyntaxToken openParen, SeparatedSyntaxList<Name> names, SyntaxToken closeParen, SyntaxToken equal, Expression expression)
        : base(SyntaxKind.CompoundNamedExpression, [openParen, names, closeParen, equal, expression])
    {
    }

    public SyntaxToken OpenParen => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Name> Names => Slot<SeparatedSyntaxList<Name>>(1);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);

    public SyntaxToken Equal => Slot<SyntaxToken>(3);

    public Expression Expression => Slot<Expression>(4);
}

/// <summary><c>typeof(string)</c> or <c>typeof(a:string, b:long)</c>: each element is a <see cref="TypeExpression"/>
/// or a <see cref="NameAndTypeDeclaration"/>.</summary>
public sealed class TypeOfExpression : Expression
{
    internal TypeOfExpression(SyntaxToken keyword, SyntaxToken openParen, SeparatedSyntaxList<SyntaxNode> types, SyntaxToken closeParen)
        : base(SyntaxKind.TypeOfExpression, [keyword, openParen, types, closeParen])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<SyntaxNode> Types => Slot<SeparatedSyntaxList<SyntaxNode>>(2);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(3);
}

/// <summary>
/// <c>left | operator</c>. Left-associative: <c>T | where a | take 1</c> is Pipe(Pipe(T, where), take).
/// In subqueries without a source (fork, partition, mv-apply, facet), the leftmost element is a query operator.
/// </summary>
public sealed class PipeExpression : Expression
{
    internal PipeExpression(Expression left, SyntaxToken bar, QueryOperator op)
        : base(SyntaxKind.PipeExpression, [left, bar, op])
    {
    }

    public Expression Left => Slot<Expression>(0);

    public SyntaxToken Bar => Slot<SyntaxToken>(1);

    public QueryOperator Operator => Slot<QueryOperator>(2);
}
