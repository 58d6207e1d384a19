namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>hasprefix_cs</c>: a term of the text starts with the needle, case-sensitively.</summary>
internal readonly struct HasPrefixCsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => StringMatching.HasPrefix(value, needle, StringComparison.Ordinal);
}

/// <summary><c>hassuffix_cs</c>: a term of the text ends with the needle, case-sensitively.</summary>
internal readonly struct HasSuffixCsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => StringMatching.HasSuffix(value, needle, StringComparison.Ordinal);
}
