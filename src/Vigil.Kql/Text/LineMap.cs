namespace Vigil.Kql.Text;

/// <summary>
/// Maps offsets in a text to 1-based line and column numbers (for <c>path:line:col</c> messages).
/// Lines end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; columns count UTF-16 code units from 1.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _length = text.Length;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Number of lines (an empty text has one line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped to the text).</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The offset where 1-based <paramref name="line"/> starts.</summary>
    public int GetLineStart(int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line, _lineStarts.Length);
        return _lineStarts[line - 1];
    }
}

/// <summary>A 1-based line and column.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
