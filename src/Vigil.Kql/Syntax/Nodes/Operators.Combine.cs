namespace Vigil.Kql.Syntax;

/// <summary><c>join [kind=...] [hint.*=...] right on conditions</c>; <see cref="Right"/> is a table name or a parenthesized query.</summary>
public sealed class JoinOperator : QueryOperator
{
    internal JoinOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression right, JoinOnClause @on)
        : base(SyntaxKind.JoinOperator, [keyword, parameters, right, @on])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Right => Slot<Expression>(2);

    public JoinOnClause On => Slot<JoinOnClause>(3);
}

/// <summary><c>on a, b</c> or <c>on $left.x == $right.y and ...</c>.</summary>
public sealed class JoinOnClause : SyntaxNode
{
    internal JoinOnClause(SyntaxToken onKeyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.JoinOnClause, [onKeyword, expressions])
    {
    }

    public SyntaxToken OnKeyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>lookup [kind=leftouter|inner] right on conditions</c>.</summary>
public sealed class LookupOperator : QueryOperator
{
    internal LookupOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression right, JoinOnClause @on)
        : base(SyntaxKind.LookupOperator, [keyword, parameters, right, @on])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Right => Slot<Expression>(2);

    public JoinOnClause On => Slot<JoinOnClause>(3);
}

/// <summary><c>union [kind=...] [withsource=T] [isfuzzy=true] T1, (query), Device*</c>.</summary>
public sealed class UnionOperator : QueryOperator
{
    internal UnionOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<Expression> tables)
        : base(SyntaxKind.UnionOperator, [keyword, parameters, tables])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<Expression> Tables => Slot<SeparatedSyntaxList<Expression>>(2);
}

/// <summary><c>fork (subquery) [name = (subquery)] ...</c>.</summary>
public sealed class ForkOperator : QueryOperator
{
    internal ForkOperator(SyntaxToken keyword, SyntaxList<ForkExpression> branches)
        : base(SyntaxKind.ForkOperator, [keyword, branches])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<ForkExpression> Branches => Slot<SyntaxList<ForkExpression>>(1);
}

/// <summary>A fork branch: <c>[name =] ( operator | operator ... )</c>.</summary>
public sealed class ForkExpression : SyntaxNode
{
    internal ForkExpression(Name? name, SyntaxToken? equal, SyntaxToken openParen, Expression query, SyntaxToken closeParen)
        : base(SyntaxKind.ForkExpression, [name, equal, openParen, query, closeParen])
    {
    }

    public Name? Name => OptionalSlot<Name>(0);

    public SyntaxToken? Equal => OptionalSlot<SyntaxToken>(1);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(2);

    public Expression Query => Slot<Expression>(3);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(4);
}

/// <summary><c>partition [hints] by column [in (values)] (subquery)</c> or <c>{ query }</c>; <see cref="Body"/> is a <see cref="ParenthesizedExpression"/> or a <see cref="FunctionBody"/>.</summary>
public sealed class PartitionOperator : QueryOperator
{
    internal PartitionOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SyntaxToken byKeyword, Expression @by, PartitionInClause? @in, SyntaxNode body)
        : base(SyntaxKind.PartitionOperator, [keyword, parameters, byKeyword, @by, @in, body])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(2);

    public Expression By => Slot<Expression>(3);

    /// <summary>The legacy <c>in (values)</c> clause; null when absent.</summary>
    public PartitionInClause? In => OptionalSlot<PartitionInClause>(4);

    public SyntaxNode Body => Slot<SyntaxNode>(5);
}

/// <summary><c>as [hint.materialized=true] name</c>.</summary>
public sealed class AsOperator : QueryOperator
{
    internal AsOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Name name)
        : base(SyntaxKind.AsOperator, [keyword, parameters, name])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Name Name => Slot<Name>(2);
}

/// <summary><c>invoke function(args)</c>.</summary>
public sealed class InvokeOperator : QueryOperator
{
    internal InvokeOperator(SyntaxToken keyword, Expression function)
        : base(SyntaxKind.InvokeOperator, [keyword, function])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public Expression Function => Slot<Expression>(1);
}

/// <summary><c>evaluate [hints] plugin(args) [: (schema)]</c>.</summary>
public sealed class EvaluateOperator : QueryOperator
{
    internal EvaluateOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression plugin, SyntaxToken? colon,
        SchemaTypeExpression? schema)
        : base(SyntaxKind.EvaluateOperator, [keyword, parameters, plugin, colon, schema])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Plugin => Slot<Expression>(2);

    public SyntaxToken? Colon => OptionalSlot<SyntaxToken>(3);

    public SchemaTypeExpression? Schema => OptionalSlot<SchemaTypeExpression>(4);
}
