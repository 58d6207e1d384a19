using System.Globalization;
using System.Text;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// What a scan may use to skip data unread: per column, an inclusive range of 64-bit values (datetime/timespan
/// ticks, longs, ints) every kept row must fall in, checked against storage's extent and block min/max; and per
/// text column, sets of terms of which a kept row must contain at least one, checked against the block term filters.
/// Derived from the pushed-down filters, which the scan still evaluates (pruning only skips, never decides).
/// </summary>
internal sealed class ScanPruning
{
    public static readonly ScanPruning None = new([], []);

    public ScanPruning(IReadOnlyList<RangeConstraint> ranges, IReadOnlyList<TermConstraint> terms)
    {
        Ranges = ranges;
        Terms = terms;
    }

    public IReadOnlyList<RangeConstraint> Ranges { get; }

    public IReadOnlyList<TermConstraint> Terms { get; }

    public bool IsEmpty => Ranges.Count == 0 && Terms.Count == 0;

    public override string ToString()
    {
        var builder = new StringBuilder("prune:");
        foreach (var r in Ranges)
        {
            builder.Append(' ').Append(r);
        }

        foreach (var t in Terms)
        {
            builder.Append(' ').Append(t);
        }

        return builder.ToString();
    }
}

/// <summary>Rows kept have <c>Min &lt;= column &lt;= Max</c> (table ordinal; ticks or integer values).</summary>
internal sealed record RangeConstraint(int Column, string Name, long Min, long Max)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} in [{(Min == long.MinValue ? "-inf" : Min)}..{(Max == long.MaxValue ? "+inf" : Max)}]");
}

/// <summary>Rows kept contain one of <see cref="AnyOf"/> as a term of the text column (table ordinal).</summary>
internal sealed record TermConstraint(int Column, string Name, IReadOnlyList<string> AnyOf)
{
    public override string ToString() => $"{Name} has_any({string.Join(", ", AnyOf)})";
}
