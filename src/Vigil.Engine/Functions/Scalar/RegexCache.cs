using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Compiled regular expressions by (pattern, flags), shared by every regex function. Kusto patterns are RE2, which
/// never backtracks: a pattern is translated (<see cref="Re2Translator"/>) and built with
/// <see cref="RegexOptions.NonBacktracking"/>; a pattern that engine cannot run (backreferences, lookarounds, which
/// RE2 rejects anyway) falls back to the backtracking engine with a match timeout. An invalid pattern is a query error.
/// </summary>
internal static class RegexCache
{
    private const int Capacity = 512;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<(string Pattern, string Flags), Regex> Cache = new();

    [ThreadStatic]
    private static string? t_lastPattern;

    [ThreadStatic]
    private static string? t_lastFlags;

    [ThreadStatic]
    private static Regex? t_lastRegex;

    /// <summary>The regex for a Kusto pattern with flags (<c>i</c> ignore case, <c>m</c> multi-line, <c>s</c> dot matches new line, <c>U</c> ungreedy).</summary>
    public static Regex Get(string pattern, string flags = "")
    {
        // A constant pattern is the same string instance on every row: skip hashing it.
        if (ReferenceEquals(pattern, t_lastPattern) && ReferenceEquals(flags, t_lastFlags))
        {
            return t_lastRegex!;
        }

        if (!Cache.TryGetValue((pattern, flags), out var cached))
        {
            cached = Build(pattern, flags);
            if (Cache.Count >= Capacity)
            {
                Cache.Clear();
            }

            Cache[(pattern, flags)] = cached;
        }

        t_lastPattern = pattern;
        t_lastFlags = flags;
        t_lastRegex = cached;
        return cached;
    }

    private static Regex Build(string pattern, string flags)
    {
        // Leading inline flags (RE2's (?U) has no .NET form): they join the flags argument.
        if (pattern.StartsWith("(?", StringComparison.Ordinal) && pattern.IndexOf(')', StringComparison.Ordinal) is > 2 and var close
            && pattern.AsSpan(2, close - 2).IndexOfAnyExcept("imsU") < 0)
        {
            flags += pattern[2..close];
            pattern = pattern[(close + 1)..];
        }

        var options = RegexOptions.CultureInvariant;
        var ungreedy = false;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 's': options |= RegexOptions.Singleline; break;
                case 'U': ungreedy = true; break;
                default: throw new QueryException(QueryErrorKind.Semantic, $"Unknown regular expression flag '{flag}' in '{flags}' (expected i, m, s or U).");
            }
        }

        var multiLine = (options & RegexOptions.Multiline) != 0 || pattern.Contains("(?m", StringComparison.Ordinal) || pattern.Contains("(?im", StringComparison.Ordinal);
        var translated = Re2Translator.Translate(pattern, multiLine, ungreedy);
        try
        {
            return new Regex(translated, options | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            // Constructs the linear engine lacks: the backtracking engine, bounded by the timeout.
        }
        catch (ArgumentException e)
        {
            throw Invalid(pattern, e);
        }

        try
        {
            return new Regex(translated, options, Timeout);
        }
        catch (ArgumentException e)
        {
            throw Invalid(pattern, e);
        }
    }

    /// <summary>The error for a backtracking pattern that ran past the match timeout.</summary>
    public static QueryException TimedOut(string function, RegexMatchTimeoutException e) =>
        new(QueryErrorKind.Semantic, $"{function}: the regular expression '{e.Pattern}' took too long on one value (it needs backtracking; RE2 syntax runs in linear time).");

    private static QueryException Invalid(string pattern, ArgumentException e) =>
        new(QueryErrorKind.Semantic, $"Invalid regular expression '{pattern}': {e.Message}");
}
