using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// isascii(value): every character below 128. isutf8(value): the text has a UTF-8 encoding, i.e. no unpaired
/// surrogate (text read from UTF-8 input always has one). Both are true for the empty string.
/// </summary>
internal static class TextValidityKernels
{
    public static ScalarValue IsAscii(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].IsNull ? string.Empty : a[0].String;
        return ScalarValue.FromBool(!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'));
    }

    public static ScalarValue IsUtf8(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].IsNull ? string.Empty : a[0].String;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return ScalarValue.FromBool(false);
            }
        }

        return ScalarValue.FromBool(true);
    }
}
