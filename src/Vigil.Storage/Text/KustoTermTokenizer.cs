using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Storage;

/// <summary>
/// Splits text into terms the way Kusto does for <c>has</c> and its term index: a term is a maximal run of ASCII
/// letters and digits; everything else separates terms. Terms compare case-insensitively (ASCII folding).
/// Kusto's term index holds only terms of at least <see cref="MinIndexedTermLength"/> characters, so an index can
/// rule out a value only for such terms: a shorter term must be found by scanning.
/// </summary>
/// <remarks>
/// The engine must evaluate <c>has</c> with these very rules; the per-block term filters in extents are built with
/// them, so a mismatch would make block skipping wrong.
/// </remarks>
public static class KustoTermTokenizer
{
    /// <summary>The shortest term the term index records.</summary>
    public const int MinIndexedTermLength = 3;

    /// <summary>True for ASCII letters and digits: the characters terms are made of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTermChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>True for ASCII letters and digits, as UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTermByte(byte b) => TermBytes[b] != 0;

    // One lookup per byte on the index-building path instead of range checks.
    private static ReadOnlySpan<byte> TermBytes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// Finds the next term at or after <paramref name="position"/>; returns false when there is none. On success
    /// the term is <c>text[start..(start+length)]</c> and <paramref name="position"/> is moved past it.
    /// </summary>
    public static bool NextTerm(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        var i = position;
        while ((uint)i < (uint)text.Length && !IsTermChar(text[i]))
        {
            i++;
        }

        start = i;
        while ((uint)i < (uint)text.Length && IsTermChar(text[i]))
        {
            i++;
        }

        length = i - start;
        position = i;
        return length > 0;
    }

    /// <summary>The UTF-8 form of <see cref="NextTerm(ReadOnlySpan{char}, ref int, out int, out int)"/>.</summary>
    public static bool NextTerm(ReadOnlySpan<byte> utf8, ref int position, out int start, out int length)
    {
        var i = position;
        while ((uint)i < (uint)utf8.Length && !IsTermByte(utf8[i]))
        {
            i++;
        }

        start = i;
        while ((uint)i < (uint)utf8.Length && IsTermByte(utf8[i]))
        {
            i++;
        }

        length = i - start;
        position = i;
        return length > 0;
    }

    /// <summary>All terms of <paramref name="text"/>, in order (a convenience; allocates).</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var position = 0;
        while (NextTerm(text, ref position, out var start, out var length))
        {
            terms.Add(text.Substring(start, length));
        }

        return terms;
    }

    /// <summary>Whether <paramref name="text"/> consists of exactly one term (no separators).</summary>
    public static bool IsSingleTerm(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsTermChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The stable, case-insensitive 64-bit hash of a term (the key of the term filters). Only ASCII term
    /// characters are expected; the hash folds A-Z to a-z.
    /// </summary>
    internal static ulong HashTerm(ReadOnlySpan<char> term)
    {
        var h = 14695981039346656037UL;
        foreach (var c in term)
        {
            h = (h ^ Fold(c)) * 1099511628211UL;
        }

        return Mix(h);
    }

    internal static ulong HashTerm(ReadOnlySpan<byte> term)
    {
        var h = 14695981039346656037UL;
        foreach (var b in term)
        {
            h = (h ^ Fold((char)b)) * 1099511628211UL;
        }

        return Mix(h);
    }

    internal static string Lower(ReadOnlySpan<byte> term) => Encoding.ASCII.GetString(term).ToLowerInvariant();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fold(char c) => c is >= 'A' and <= 'Z' ? (uint)(c | 0x20) : c;

    // murmur3 fmix64: spreads FNV's weak low bits before the filter takes bit positions from them.
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
