using System.Text;

namespace Vigil.Engine.Planning;

/// <summary>
/// RE2's <c>U</c> flag (ungreedy: <c>x*</c> is lazy and <c>x*?</c> greedy), which .NET lacks, applied by rewriting a
/// pattern: every quantifier's laziness is flipped. Escapes and character classes are skipped.
/// </summary>
internal static class RegexGreediness
{
    public static string Swap(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            builder.Append(c);
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                continue;
            }

            var isQuantifier = c is '*' or '+' || (c == '?' && i > 0 && pattern[i - 1] != '(') || (c == '}' && IsCountedRepeat(pattern, i));
            if (!isQuantifier)
            {
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                i++;
            }
            else
            {
                builder.Append('?');
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the <c>}</c> at <paramref name="end"/> closes a <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>.</summary>
    private static bool IsCountedRepeat(string pattern, int end)
    {
        var start = pattern.LastIndexOf('{', end);
        if (start < 0)
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (!char.IsAsciiDigit(pattern[i]) && pattern[i] != ',')
            {
                return false;
            }
        }

        return end > start + 1;
    }
}
