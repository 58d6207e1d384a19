namespace Vigil.Kql.Syntax;

/// <summary><c>assert-schema (name:type, ...)</c>: fails the query when the input lacks the declared columns; the rows pass unchanged.</summary>
public sealed class AssertSchemaOperator : QueryOperator
{
    internal AssertSchemaOperator(SyntaxToken keyword, SchemaTypeExpression schema)
        : base(SyntaxKind.AssertSchemaOperator, [keyword, schema])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SchemaTypeExpression Schema => Slot<SchemaTypeExpression>(1);
}

/// <summary><c>project-by-names expr, ...</c>: projects the columns whose names the arguments evaluate to (names known only at run time).</summary>
public sealed class ProjectByNamesOperator : QueryOperator
{
    internal ProjectByNamesOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ProjectByNamesOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary>
/// <c>macro-expand [kind=...] [isfuzzy=...] EntityGroup as Alias ( statements )</c>: runs the statements once per entity of
/// the group (<see cref="EntityGroup"/> is an <see cref="EntityGroupExpression"/> or a name of one), with <see cref="Alias"/>
/// naming the current entity, and unions the results.
/// </summary>
public sealed class MacroExpandOperator : QueryOperator
{
    internal MacroExpandOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression entityGroup, SyntaxToken asKeyword, Name alias,
        SyntaxToken openParen, SeparatedSyntaxList<Statement> statements, SyntaxToken closeParen)
        : base(SyntaxKind.MacroExpandOperator, [keyword, parameters, entityGroup, asKeyword, alias, openParen, statements, closeParen])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression EntityGroup => Slot<Expression>(2);

    public SyntaxToken AsKeyword => Slot<SyntaxToken>(3);

    public Name Alias => Slot<Name>(4);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(5);

    /// <summary>Let statements, then the query (like a function body).</summary>
    public SeparatedSyntaxList<Statement> Statements => Slot<SeparatedSyntaxList<Statement>>(6);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(7);
}

/// <summary><c>entity_group [ entity, ... ]</c>: a list of entities (tables, databases, clusters) for macro-expand.</summary>
public sealed class EntityGroupExpression : Expression
{
    internal EntityGroupExpression(SyntaxToken keyword, SyntaxToken openBracket, SeparatedSyntaxList<Expression> entities, SyntaxToken closeBracket)
        : base(SyntaxKind.EntityGroupExpression, [keyword, openBracket, entities, closeBracket])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxToken OpenBracket => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<Expression> Entities => Slot<SeparatedSyntaxList<Expression>>(2);

    public SyntaxToken CloseBracket => Slot<SyntaxToken>(3);
}

/// <summary><c>in (values)</c> / <c>in dynamic([...])</c> of the legacy partition form: the key values to partition on.</summary>
public sealed class PartitionInClause : SyntaxNode
{
    internal PartitionInClause(SyntaxToken inKeyword, Expression values)
        : base(SyntaxKind.PartitionInClause, [inKeyword, values])
    {
    }

    public SyntaxToken InKeyword => Slot<SyntaxToken>(0);

    /// <summary>A call (<c>dynamic(...)</c> literal, or a function returning the values) or a literal.</summary>
    public Expression Values => Slot<Expression>(1);
}

/// <summary>The legacy <c>bin=N</c> after summarize's by keys: numeric and datetime keys are binned by N.</summary>
public sealed class SummarizeBinClause : SyntaxNode
{
    internal SummarizeBinClause(SyntaxToken binKeyword, SyntaxToken equal, Expression value)
        : base(SyntaxKind.SummarizeBinClause, [binKeyword, equal, value])
    {
    }

    public SyntaxToken BinKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken EqualToken => Slot<SyntaxToken>(1);

    public Expression Value => Slot<Expression>(2);
}
