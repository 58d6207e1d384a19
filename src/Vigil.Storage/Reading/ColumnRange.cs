namespace Vigil.Storage;

/// <summary>
/// Min and max of the non-null values of a column in an extent or block. int, long, bool (0/1), datetime and
/// timespan (ticks) use the Int64 pair; real uses the Real pair (a range is not recorded when NaN is present).
/// </summary>
public readonly record struct ColumnRange(ColumnType Type, long MinInt64, long MaxInt64, double MinReal, double MaxReal)
{
    internal static ColumnRange From(ColumnType type, long minBits, long maxBits) => type == ColumnType.Real
        ? new ColumnRange(type, 0, 0, BitConverter.Int64BitsToDouble(minBits), BitConverter.Int64BitsToDouble(maxBits))
        : new ColumnRange(type, minBits, maxBits, minBits, maxBits);

    /// <summary>The min as a UTC DateTime (datetime columns).</summary>
    public DateTime MinDateTime => new(MinInt64, DateTimeKind.Utc);

    /// <summary>The max as a UTC DateTime (datetime columns).</summary>
    public DateTime MaxDateTime => new(MaxInt64, DateTimeKind.Utc);
}
