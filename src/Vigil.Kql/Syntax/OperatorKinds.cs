namespace Vigil.Kql.Syntax;

/// <summary>The operator of a <see cref="BinaryExpression"/> or <see cref="InExpression"/>.</summary>
public enum BinaryOperatorKind
{
    None = 0,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    And,
    Or,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    EqualTilde,
    BangTilde,
    Has,
    HasCs,
    NotHas,
    NotHasCs,
    HasPrefix,
    HasPrefixCs,
    NotHasPrefix,
    NotHasPrefixCs,
    HasSuffix,
    HasSuffixCs,
    NotHasSuffix,
    NotHasSuffixCs,
    Contains,
    ContainsCs,
    NotContains,
    NotContainsCs,
    StartsWith,
    StartsWithCs,
    NotStartsWith,
    NotStartsWithCs,
    EndsWith,
    EndsWithCs,
    NotEndsWith,
    NotEndsWithCs,
    Like,
    LikeCs,
    NotLike,
    NotLikeCs,
    MatchesRegex,

    /// <summary><c>in</c> (case-sensitive).</summary>
    In,

    /// <summary><c>!in</c>.</summary>
    NotIn,

    /// <summary><c>in~</c> (case-insensitive).</summary>
    InCaseInsensitive,

    /// <summary><c>!in~</c>.</summary>
    NotInCaseInsensitive,
    HasAny,
    HasAll,

    /// <summary><c>Column:"text"</c> in a search or find predicate.</summary>
    Search,
}

/// <summary>The operator of a <see cref="PrefixUnaryExpression"/>.</summary>
public enum UnaryOperatorKind
{
    Negate,
    Plus,
}
