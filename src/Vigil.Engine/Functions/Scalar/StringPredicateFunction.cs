using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>A two-string predicate as a struct (see <see cref="StringPredicateFunction{TOp}"/>).</summary>
internal interface IStringPredicate
{
    static abstract bool Test(string value, string needle);
}

internal readonly struct HasOp : IStringPredicate
{
    public static bool Test(string value, string needle) => StringMatching.Has(value, needle, StringComparison.OrdinalIgnoreCase);
}

internal readonly struct HasCsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => StringMatching.Has(value, needle, StringComparison.Ordinal);
}

internal readonly struct HasPrefixOp : IStringPredicate
{
    public static bool Test(string value, string needle) => StringMatching.HasPrefix(value, needle, StringComparison.OrdinalIgnoreCase);
}

internal readonly struct HasSuffixOp : IStringPredicate
{
    public static bool Test(string value, string needle) => StringMatching.HasSuffix(value, needle, StringComparison.OrdinalIgnoreCase);
}

internal readonly struct ContainsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => value.Contains(needle, StringComparison.OrdinalIgnoreCase);
}

internal readonly struct ContainsCsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => value.Contains(needle, StringComparison.Ordinal);
}

internal readonly struct StartsWithOp : IStringPredicate
{
    public static bool Test(string value, string needle) => value.StartsWith(needle, StringComparison.OrdinalIgnoreCase);
}

internal readonly struct StartsWithCsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => value.StartsWith(needle, StringComparison.Ordinal);
}

internal readonly struct EndsWithOp : IStringPredicate
{
    public static bool Test(string value, string needle) => value.EndsWith(needle, StringComparison.OrdinalIgnoreCase);
}

internal readonly struct EndsWithCsOp : IStringPredicate
{
    public static bool Test(string value, string needle) => value.EndsWith(needle, StringComparison.Ordinal);
}

internal readonly struct EqualsIgnoreCaseOp : IStringPredicate
{
    public static bool Test(string value, string needle) => string.Equals(value, needle, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A string operator (<c>has</c>, <c>contains</c>, <c>startswith</c>, <c>=~</c>, their <c>_cs</c> and negated
/// forms). When the left side is dictionary-encoded and the right side constant, the predicate runs once per
/// distinct value and rows only look their code up.
/// </summary>
internal sealed class StringPredicateFunction<TOp>(string name, bool negated) : OperatorFunction(name)
    where TOp : struct, IStringPredicate
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var left = arguments[0];
        var right = arguments[1];
        var output = result.Bool.AsSpan(0, rowCount);
        if (left.IsDictionaryEncoded && right.IsConstant)
        {
            var dictionary = left.Dictionary!;
            var needle = right.GetString(0);
            var perCode = new bool[dictionary.Count];
            for (var c = 0; c < perCode.Length; c++)
            {
                perCode[c] = TOp.Test(dictionary[c], needle) != negated;
            }

            var empty = TOp.Test(string.Empty, needle) != negated;
            var codes = left.Codes;
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = left.IsNull(i) ? empty : perCode[codes[i]];
            }

            return;
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = TOp.Test(left.GetString(i), right.GetString(i)) != negated;
        }
    }
}
