using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Rewrites a Kusto (RE2 syntax) pattern into .NET syntax: <c>(?P&lt;name&gt;</c> named groups, <c>\pL</c> one-letter
/// Unicode classes, POSIX classes (<c>[[:alpha:]]</c>), <c>\Q...\E</c> literals, ASCII-only <c>\d \w \s</c>, and
/// <c>$</c> that (outside multi-line mode) only matches at the very end, as in RE2. With ungreedy
/// (the <c>U</c> flag) every quantifier's greediness is swapped.
/// </summary>
internal static class Re2Translator
{
    public static string Translate(string pattern, bool multiLine, bool ungreedy)
    {
        var output = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        var classStart = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                i++;
                switch (next)
                {
                    case 'Q':
                    {
                        var end = pattern.IndexOf("\\E", i + 1, StringComparison.Ordinal);
                        var literal = end < 0 ? pattern[(i + 1)..] : pattern[(i + 1)..end];
                        output.Append(inClass ? EscapeInClass(literal) : Regex.Escape(literal));
                        i = end < 0 ? pattern.Length : end + 1;
                        continue;
                    }

                    case 'd':
                        output.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'w':
                        output.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]");
                        break;
                    case 's':
                        output.Append(inClass ? "\\t\\n\\f\\r\\v " : "[\\t\\n\\f\\r\\v ]");
                        break;
                    case 'D' when !inClass:
                        output.Append("[^0-9]");
                        break;
                    case 'W' when !inClass:
                        output.Append("[^0-9A-Za-z_]");
                        break;
                    case 'S' when !inClass:
                        output.Append("[^\\t\\n\\f\\r\\v ]");
                        break;
                    case 'p' or 'P' when i + 1 < pattern.Length && pattern[i + 1] != '{':
                        output.Append('\\').Append(next).Append('{').Append(pattern[i + 1]).Append('}');
                        i++;
                        break;
                    case 'z':
                        output.Append("\\z");
                        break;
                    default:
                        output.Append('\\').Append(next);
                        break;
                }

                if (!inClass)
                {
                    i = AfterAtom(pattern, i, output, ungreedy);
                }

                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':' && TryPosixClass(pattern, i, out var posix, out var posixEnd))
                {
                    output.Append(posix);
                    i = posixEnd;
                    continue;
                }

                if (c == ']' && i > classStart + 1 && !(i == classStart + 2 && pattern[classStart + 1] == '^'))
                {
                    inClass = false;
                    output.Append(']');
                    i = AfterAtom(pattern, i, output, ungreedy);
                    continue;
                }

                output.Append(c == '[' ? "\\[" : c.ToString());
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    classStart = i;
                    output.Append('[');
                    continue;
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == 'P' && i + 3 < pattern.Length && pattern[i + 3] == '<':
                    output.Append("(?<");
                    i += 3;
                    continue;
                case '$' when !multiLine:
                    output.Append("\\z");
                    continue;
                case ')' or '.':
                    output.Append(c);
                    i = AfterAtom(pattern, i, output, ungreedy);
                    continue;
                default:
                    output.Append(c);
                    if (c is not ('(' or '|' or '^'))
                    {
                        i = AfterAtom(pattern, i, output, ungreedy);
                    }

                    continue;
            }
        }

        return output.ToString();
    }

    /// <summary>Copies a quantifier following the atom that ends at <paramref name="i"/>, swapping greediness when asked.</summary>
    private static int AfterAtom(string pattern, int i, StringBuilder output, bool ungreedy)
    {
        var j = i + 1;
        if (j >= pattern.Length)
        {
            return i;
        }

        var quantifierEnd = -1;
        if (pattern[j] is '*' or '+' or '?')
        {
            quantifierEnd = j;
        }
        else if (pattern[j] == '{')
        {
            var close = pattern.IndexOf('}', j);
            if (close > j && IsCounted(pattern.AsSpan(j + 1, close - j - 1)))
            {
                quantifierEnd = close;
            }
        }

        if (quantifierEnd < 0)
        {
            return i;
        }

        output.Append(pattern, j, quantifierEnd - j + 1);
        var lazy = quantifierEnd + 1 < pattern.Length && pattern[quantifierEnd + 1] == '?';
        if (ungreedy)
        {
            if (!lazy)
            {
                output.Append('?');
            }
        }
        else if (lazy)
        {
            output.Append('?');
        }

        return lazy ? quantifierEnd + 1 : quantifierEnd;
    }

    private static bool IsCounted(ReadOnlySpan<char> inside)
    {
        if (inside.IsEmpty)
        {
            return false;
        }

        foreach (var c in inside)
        {
            if (!char.IsAsciiDigit(c) && c != ',')
            {
                return false;
            }
        }

        return char.IsAsciiDigit(inside[0]);
    }

    private static bool TryPosixClass(string pattern, int start, out string translated, out int end)
    {
        translated = string.Empty;
        end = pattern.IndexOf(":]", start + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var name = pattern[(start + 2)..end];
        end++;
        var negated = name.StartsWith('^');
        var body = (negated ? name[1..] : name) switch
        {
            "alpha" => "A-Za-z",
            "digit" => "0-9",
            "alnum" => "0-9A-Za-z",
            "upper" => "A-Z",
            "lower" => "a-z",
            "space" => "\\t\\n\\v\\f\\r ",
            "blank" => "\\t ",
            "punct" => "!-/:-@\\[-`{-~",
            "xdigit" => "0-9A-Fa-f",
            "word" => "0-9A-Za-z_",
            "cntrl" => "\\x00-\\x1f\\x7f",
            "print" => " -~",
            "graph" => "!-~",
            "ascii" => "\\x00-\\x7f",
            _ => null,
        };
        if (body is null || negated)
        {
            return false;
        }

        translated = body;
        return true;
    }

    private static string EscapeInClass(string literal)
    {
        var builder = new StringBuilder(literal.Length * 2);
        foreach (var c in literal)
        {
            if (c is '\\' or ']' or '[' or '^' or '-')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
