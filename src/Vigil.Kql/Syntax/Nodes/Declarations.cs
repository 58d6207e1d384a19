namespace Vigil.Kql.Syntax;

/// <summary>A type written in a declaration: a scalar type name or a tabular schema.</summary>
public abstract class TypeExpression : SyntaxNode
{
    private protected TypeExpression(SyntaxKind kind, SyntaxElement?[] slots)
        : base(kind, slots)
    {
    }
}

/// <summary>A scalar type name: <c>string</c>, <c>long</c>, <c>datetime</c>, <c>dynamic</c>... (aliases such as
/// <c>double</c>, <c>date</c>, <c>time</c>, <c>boolean</c>, <c>int64</c>, <c>guid</c>, <c>uuid</c> are kept as written).</summary>
public sealed class PrimitiveTypeExpression : TypeExpression
{
    internal PrimitiveTypeExpression(SyntaxToken typeName)
        : base(SyntaxKind.PrimitiveTypeExpression, [typeName])
    {
    }

    public SyntaxToken TypeName => Slot<SyntaxToken>(0);
}

/// <summary>A tabular schema <c>(a:string, b:long)</c>; <c>(*)</c> accepts any table. Each column is a
/// <see cref="NameAndTypeDeclaration"/> or a <see cref="StarExpression"/>.</summary>
public sealed class SchemaTypeExpression : TypeExpression
{
    internal SchemaTypeExpression(SyntaxToken openParen, SeparatedSyntaxList<SyntaxNode> columns, SyntaxToken closeParen)
        : base(SyntaxKind.SchemaTypeExpression, [openParen, columns, closeParen])
    {
    }

    public SyntaxToken OpenParen => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<SyntaxNode> Columns => Slot<SeparatedSyntaxList<SyntaxNode>>(1);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);
}

/// <summary><c>name:type</c>, or a bare <c>name</c> where the type is optional (parse patterns).</summary>
public sealed class NameAndTypeDeclaration : SyntaxNode
{
    internal NameAndTypeDeclaration(Name name, SyntaxToken? colon, TypeExpression? type)
        : base(SyntaxKind.NameAndTypeDeclaration, [name, colon, type])
    {
    }

    public Name Name => Slot<Name>(0);

    public SyntaxToken? Colon => OptionalSlot<SyntaxToken>(1);

    public TypeExpression? Type => OptionalSlot<TypeExpression>(2);
}

/// <summary>A function (or query-parameter) parameter: <c>a:string</c>, <c>T:(x:long)</c>, <c>n:long = 10</c>.</summary>
public sealed class FunctionParameter : SyntaxNode
{
    internal FunctionParameter(NameAndTypeDeclaration declaration, SyntaxToken? equal, Expression? defaultValue)
        : base(SyntaxKind.FunctionParameter, [declaration, equal, defaultValue])
    {
    }

    public NameAndTypeDeclaration Declaration => Slot<NameAndTypeDeclaration>(0);

    public SyntaxToken? Equal => OptionalSlot<SyntaxToken>(1);

    public Expression? DefaultValue => OptionalSlot<Expression>(2);
}

/// <summary>A user function <c>(a:string, T:(*)) { ... }</c>, or a view <c>view () { ... }</c>.</summary>
public sealed class FunctionDeclaration : Expression
{
    internal FunctionDeclaration(
        SyntaxToken? viewKeyword, SyntaxToken openParen, SeparatedSyntaxList<FunctionParameter> parameters, SyntaxToken closeParen,
        FunctionBody body)
        : base(SyntaxKind.FunctionDeclaration, [viewKeyword, openParen, parameters, closeParen, body])
    {
    }

    public SyntaxToken? ViewKeyword => OptionalSlot<SyntaxToken>(0);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<FunctionParameter> Parameters => Slot<SeparatedSyntaxList<FunctionParameter>>(2);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(3);

    public FunctionBody Body => Slot<FunctionBody>(4);
}

/// <summary><c>{ let x = 1; expression }</c>: statements separated by ';'; the last one is the result.</summary>
public sealed class FunctionBody : SyntaxNode
{
    internal FunctionBody(SyntaxToken openBrace, SeparatedSyntaxList<Statement> statements, SyntaxToken closeBrace)
        : base(SyntaxKind.FunctionBody, [openBrace, statements, closeBrace])
    {
    }

    public SyntaxToken OpenBrace => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Statement> Statements => Slot<SeparatedSyntaxList<Statement>>(1);

    public SyntaxToken CloseBrace => Slot<SyntaxToken>(2);
}

/// <summary>An operator parameter <c>kind=inner</c>, <c>hint.strategy=shuffle</c>, <c>withsource=T</c>, <c>isfuzzy=true</c>.
/// <see cref="Name"/> is a keyword token; <see cref="Value"/> a literal or a name reference.</summary>
public sealed class NamedParameter : SyntaxNode
{
    internal NamedParameter(SyntaxToken name, SyntaxToken equal, Expression value)
        : base(SyntaxKind.NamedParameter, [name, equal, value])
    {
    }

    public SyntaxToken Name => Slot<SyntaxToken>(0);

    public SyntaxToken Equal => Slot<SyntaxToken>(1);

    public Expression Value => Slot<Expression>(2);
}

/// <summary>A sort key: <c>expr [asc|desc] [nulls first|last]</c>.</summary>
public sealed class OrderedExpression : Expression
{
    internal OrderedExpression(Expression expression, SyntaxToken? ordering, SyntaxToken? nullsKeyword, SyntaxToken? nullsOrdering)
        : base(SyntaxKind.OrderedExpression, [expression, ordering, nullsKeyword, nullsOrdering])
    {
    }

    public Expression Expression => Slot<Expression>(0);

    /// <summary><c>asc</c>, <c>desc</c> (or <c>granny-asc</c>/<c>granny-desc</c> in project-reorder), or null.</summary>
    public SyntaxToken? Ordering => OptionalSlot<SyntaxToken>(1);

    public SyntaxToken? NullsKeyword => OptionalSlot<SyntaxToken>(2);

    /// <summary><c>first</c> or <c>last</c>, or null.</summary>
    public SyntaxToken? NullsOrdering => OptionalSlot<SyntaxToken>(3);
}

/// <summary><c>by expr, expr</c> (summarize, make-series).</summary>
public sealed class ByClause : SyntaxNode
{
    internal ByClause(SyntaxToken byKeyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ByClause, [byKeyword, expressions])
    {
    }

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>with ( name = value, ... )</c> (render, externaldata, parse-kv).</summary>
public sealed class WithClause : SyntaxNode
{
    internal WithClause(SyntaxToken withKeyword, SyntaxToken openParen, SeparatedSyntaxList<NamedParameter> properties, SyntaxToken closeParen)
        : base(SyntaxKind.WithClause, [withKeyword, openParen, properties, closeParen])
    {
    }

    public SyntaxToken WithKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<NamedParameter> Properties => Slot<SeparatedSyntaxList<NamedParameter>>(2);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(3);
}

/// <summary><c>datatable (a:string, b:long) [ 'x', 1, 'y', 2 ]</c>.</summary>
public sealed class DataTableExpression : Expression
{
    internal DataTableExpression(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SchemaTypeExpression schema, SyntaxToken openBracket,
        SeparatedSyntaxList<Expression> values, SyntaxToken closeBracket)
        : base(SyntaxKind.DataTableExpression, [keyword, parameters, schema, openBracket, values, closeBracket])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SchemaTypeExpression Schema => Slot<SchemaTypeExpression>(2);

    public SyntaxToken OpenBracket => Slot<SyntaxToken>(3);

    /// <summary>The values, row after row (column count = schema's).</summary>
    public SeparatedSyntaxList<Expression> Values => Slot<SeparatedSyntaxList<Expression>>(4);

    public SyntaxToken CloseBracket => Slot<SyntaxToken>(5);
}

/// <summary><c>externaldata (a:string) [ @"https://..." ] with (format="csv")</c>.</summary>
public sealed class ExternalDataExpression : Expression
{
    internal ExternalDataExpression(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SchemaTypeExpression schema, SyntaxToken openBracket,
        SeparatedSyntaxList<Expression> uris, SyntaxToken closeBracket, WithClause? with)
        : base(SyntaxKind.ExternalDataExpression, [keyword, parameters, schema, openBracket, uris, closeBracket, with])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SchemaTypeExpression Schema => Slot<SchemaTypeExpression>(2);

    public SyntaxToken OpenBracket => Slot<SyntaxToken>(3);

    public SeparatedSyntaxList<Expression> Uris => Slot<SeparatedSyntaxList<Expression>>(4);

    public SyntaxToken CloseBracket => Slot<SyntaxToken>(5);

    public WithClause? With => OptionalSlot<WithClause>(6);
}
