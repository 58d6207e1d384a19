using System.Text;

namespace Vigil.Storage;

/// <summary>
/// The distinct values of a dictionary-encoded string column of one extent; block codes index it. Shared by all
/// blocks of the column and immutable, so the engine may key hash tables on codes within an extent.
/// </summary>
public sealed class StringDictionary
{
    private readonly byte[] _utf8;
    private readonly int[] _offsets;
    private readonly string?[] _strings;

    internal StringDictionary(byte[] utf8, int[] offsets)
    {
        _utf8 = utf8;
        _offsets = offsets;
        _strings = new string?[offsets.Length - 1];
    }

    /// <summary>Number of distinct values.</summary>
    public int Count => _strings.Length;

    /// <summary>The value of a code as UTF-8 bytes (no allocation).</summary>
    public ReadOnlySpan<byte> GetUtf8(int code) => _utf8.AsSpan(_offsets[code], _offsets[code + 1] - _offsets[code]);

    /// <summary>The value of a code as a string (materialized once, then cached).</summary>
    public string this[int code] => _strings[code] ??= Encoding.UTF8.GetString(GetUtf8(code));
}
