namespace Vigil.Kql.Syntax;

/// <summary><c>mv-expand</c> (or <c>mvexpand</c>) <c>[kind=...] [bagexpansion=...] [with_itemindex=i] col [to typeof(t)], ... [limit N]</c>.</summary>
public sealed class MvExpandOperator : QueryOperator
{
    internal MvExpandOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<MvExpandExpression> expressions,
        LimitClause? @limit)
        : base(SyntaxKind.MvExpandOperator, [keyword, parameters, expressions, @limit])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<MvExpandExpression> Expressions => Slot<SeparatedSyntaxList<MvExpandExpression>>(2);

    public LimitClause? Limit => OptionalSlot<LimitClause>(3);
}

/// <summary>One expanded column: <c>[name =] expr [to typeof(type)]</c>.</summary>
public sealed class MvExpandExpression : SyntaxNode
{
    internal MvExpandExpression(Expression expression, ToTypeOfClause? toType)
        : base(SyntaxKind.MvExpandExpression, [expression, toType])
    {
    }

    public Expression Expression => Slot<Expression>(0);

    public ToTypeOfClause? ToType => OptionalSlot<ToTypeOfClause>(1);
}

/// <summary><c>to typeof(type)</c>.</summary>
public sealed class ToTypeOfClause : SyntaxNode
{
    internal ToTypeOfClause(SyntaxToken toKeyword, TypeOfExpression typeOf)
        : base(SyntaxKind.ToTypeOfClause, [toKeyword, typeOf])
    {
    }

    public SyntaxToken ToKeyword => Slot<SyntaxToken>(0);

    public TypeOfExpression TypeOf => Slot<TypeOfExpression>(1);
}

/// <summary><c>limit N</c> (mv-expand, mv-apply).</summary>
public sealed class LimitClause : SyntaxNode
{
    internal LimitClause(SyntaxToken limitKeyword, Expression count)
        : base(SyntaxKind.LimitClause, [limitKeyword, count])
    {
    }

    public SyntaxToken LimitKeyword => Slot<SyntaxToken>(0);

    public Expression Count => Slot<Expression>(1);
}

/// <summary><c>mv-apply [params] col [to typeof(t)], ... [limit N] [id_column = ...] on (subquery)</c>.</summary>
public sealed class MvApplyOperator : QueryOperator
{
    internal MvApplyOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<MvExpandExpression> expressions,
        LimitClause? @limit, SyntaxToken onKeyword, SyntaxToken openParen, Expression subquery, SyntaxToken closeParen)
        : base(SyntaxKind.MvApplyOperator, [keyword, parameters, expressions, @limit, onKeyword, openParen, subquery, closeParen])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<MvExpandExpression> Expressions => Slot<SeparatedSyntaxList<MvExpandExpression>>(2);

    public LimitClause? Limit => OptionalSlot<LimitClause>(3);

    public SyntaxToken OnKeyword => Slot<SyntaxToken>(4);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(5);

    public Expression Subquery => Slot<Expression>(6);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(7);
}

/// <summary><c>parse [kind=regex|simple|relaxed] [flags=...] expr with pattern</c>; the pattern is string literals, <c>*</c> (<see cref="StarExpression"/>) and column declarations (<see cref="NameAndTypeDeclaration"/>).</summary>
public sealed class ParseOperator : QueryOperator
{
    internal ParseOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression source, SyntaxToken withKeyword,
        SyntaxList<SyntaxNode> pattern)
        : base(SyntaxKind.ParseOperator, [keyword, parameters, source, withKeyword, pattern])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Source => Slot<Expression>(2);

    public SyntaxToken WithKeyword => Slot<SyntaxToken>(3);

    public SyntaxList<SyntaxNode> Pattern => Slot<SyntaxList<SyntaxNode>>(4);
}

/// <summary><c>parse-where</c>: like <see cref="ParseOperator"/>, keeping only rows that match.</summary>
public sealed class ParseWhereOperator : QueryOperator
{
    internal ParseWhereOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression source, SyntaxToken withKeyword,
        SyntaxList<SyntaxNode> pattern)
        : base(SyntaxKind.ParseWhereOperator, [keyword, parameters, source, withKeyword, pattern])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Source => Slot<Expression>(2);

    public SyntaxToken WithKeyword => Slot<SyntaxToken>(3);

    public SyntaxList<SyntaxNode> Pattern => Slot<SyntaxList<SyntaxNode>>(4);
}

/// <summary><c>parse-kv expr as (k:type, ...) [with (pair_delimiter=..., kv_delimiter=..., ...)]</c>.</summary>
public sealed class ParseKvOperator : QueryOperator
{
    internal ParseKvOperator(
        SyntaxToken keyword, Expression source, SyntaxToken asKeyword, SchemaTypeExpression schema, WithClause? @with)
        : base(SyntaxKind.ParseKvOperator, [keyword, source, asKeyword, schema, @with])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public Expression Source => Slot<Expression>(1);

    public SyntaxToken AsKeyword => Slot<SyntaxToken>(2);

    public SchemaTypeExpression Schema => Slot<SchemaTypeExpression>(3);

    public WithClause? With => OptionalSlot<WithClause>(4);
}
