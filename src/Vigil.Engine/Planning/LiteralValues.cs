using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

/// <summary>Turns literal tokens (<c>1h</c>, <c>datetime(2020-01-01)</c>, <c>dynamic([1])</c>...) into values.</summary>
internal static class LiteralValues
{
    public static ScalarValue Parse(SyntaxToken token, ScalarType boundType, long nowTicks)
    {
        var text = token.Text;
        var inner = Inner(text);
        switch (token.Kind)
        {
            case SyntaxKind.StringLiteral:
                return ScalarValue.FromString(SyntaxFacts.GetStringValue(text) ?? string.Empty);
            case SyntaxKind.BooleanLiteral:
                return inner == "null" ? ScalarValue.Null(ScalarType.Bool) : ScalarValue.FromBool(BoolText.TryParse(inner, out var b) && b);
            case SyntaxKind.IntLiteral or SyntaxKind.LongLiteral:
            {
                var type = boundType == ScalarType.Int || text.StartsWith("int", StringComparison.Ordinal) ? ScalarType.Int : ScalarType.Long;
                return IntegerText.ParseLiteral(inner, out var value) switch
                {
                    KqlLiteralKind.Value => ScalarValue.FromInt64(type, value),
                    KqlLiteralKind.Null => ScalarValue.Null(type),
                    _ => Invalid(text),
                };
            }

            case SyntaxKind.RealLiteral:
                return RealText.ParseLiteral(inner, out var real) switch
                {
                    KqlLiteralKind.Value => ScalarValue.FromReal(real),
                    KqlLiteralKind.Null => ScalarValue.Null(ScalarType.Real),
                    _ => Invalid(text),
                };
            case SyntaxKind.DecimalLiteral:
                return DecimalText.ParseLiteral(inner, out var dec) switch
                {
                    KqlLiteralKind.Value => ScalarValue.FromDecimal(dec),
                    KqlLiteralKind.Null => ScalarValue.Null(ScalarType.Decimal),
                    _ => Invalid(text),
                };
            case SyntaxKind.DateTimeLiteral:
                return DateTimeText.ParseLiteral(inner, out var ticks) switch
                {
                    KqlLiteralKind.Value => ScalarValue.FromDateTime(ticks),
                    KqlLiteralKind.Null => ScalarValue.Null(ScalarType.DateTime),
                    KqlLiteralKind.Now => ScalarValue.FromDateTime(nowTicks),
                    _ => Invalid(text),
                };
            case SyntaxKind.TimespanLiteral:
                return TimeSpanText.ParseLiteral(inner, out var span) switch
                {
                    KqlLiteralKind.Value => ScalarValue.FromTimeSpan(span),
                    KqlLiteralKind.Null => ScalarValue.Null(ScalarType.TimeSpan),
                    _ => Invalid(text),
                };
            case SyntaxKind.GuidLiteral:
                return GuidText.ParseLiteral(inner, out var guid) switch
                {
                    KqlLiteralKind.Value => ScalarValue.FromGuid(guid),
                    KqlLiteralKind.Null => ScalarValue.Null(ScalarType.Guid),
                    _ => Invalid(text),
                };
            case SyntaxKind.DynamicLiteral:
                return DynamicValue.TryParseLiteral(inner, out var dynamic) ? ScalarValue.FromDynamic(dynamic) : Invalid(text);
            default:
                throw QueryException.NotSupported($"The literal '{text}'");
        }
    }

    /// <summary>The text between the parentheses of <c>type(...)</c>, or the whole text.</summary>
    private static string Inner(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')') && char.IsAsciiLetter(text[0]))
        {
            return text[(open + 1)..^1];
        }

        return text;
    }

    private static ScalarValue Invalid(string text) =>
        throw new QueryException(QueryErrorKind.Semantic, $"'{text}' is not a valid literal.");
}
