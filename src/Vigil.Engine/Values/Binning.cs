namespace Vigil.Engine.Values;

/// <summary>
/// <c>bin()</c> (= <c>floor()</c>) and <c>bin_at()</c>: round down to a multiple of a bin size, counted from zero
/// (for datetimes: from 0001-01-01, so 7-day bins start on Mondays) or from a fixed point. A null, zero or negative
/// size gives null (false), as does a result that does not fit. Rounding is toward negative infinity
/// (<c>bin_at(1h, 1d, 12h)</c> is <c>-12:00:00</c>).
/// </summary>
internal static class Binning
{
    /// <summary><c>bin(long, long)</c>, <c>bin(timespan, timespan)</c>, <c>bin(datetime, timespan)</c> (on ticks).</summary>
    public static bool TryBin(long value, long size, out long result)
    {
        result = 0;
        if (size <= 0)
        {
            return false;
        }

        // value - (value mod size), with a non-negative remainder: no division of 128-bit numbers.
        var remainder = value % size;
        if (remainder < 0)
        {
            remainder += size;
        }

        if (value < long.MinValue + remainder)
        {
            return false;
        }

        result = value - remainder;
        return true;
    }

    /// <summary><c>bin(real, real)</c>: <c>floor(value / size) * size</c>.</summary>
    public static bool TryBin(double value, double size, out double result)
    {
        result = 0;
        if (!(size > 0) || double.IsNaN(value))
        {
            return false;
        }

        result = Math.Floor(value / size) * size;
        return true;
    }

    /// <summary><c>bin_at(value, size, fixed)</c> on longs, timespans or datetimes (ticks).</summary>
    public static bool TryBinAt(long value, long size, long fixedPoint, out long result)
    {
        result = 0;
        if (size <= 0)
        {
            return false;
        }

        var distance = (Int128)value - fixedPoint;
        var quotient = distance / size;
        if (distance % size < 0)
        {
            quotient--;
        }

        var binned = fixedPoint + (quotient * size);
        if (binned < long.MinValue || binned > long.MaxValue)
        {
            return false;
        }

        result = (long)binned;
        return true;
    }

    /// <summary><c>bin_at(real, real, real)</c>.</summary>
    public static bool TryBinAt(double value, double size, double fixedPoint, out double result)
    {
        result = 0;
        if (!(size > 0) || double.IsNaN(value) || double.IsNaN(fixedPoint))
        {
            return false;
        }

        result = fixedPoint + (Math.Floor((value - fixedPoint) / size) * size);
        return true;
    }

    /// <summary><c>bin(datetime, timespan)</c>; false when the bin starts before 0001-01-01 (cannot happen for valid input).</summary>
    public static bool TryBinDateTime(long ticks, long size, out long result) =>
        TryBin(ticks, size, out result) && KqlTime.IsValidDateTime(result);

    /// <summary><c>bin_at(datetime, timespan, datetime)</c>; false when the bin starts outside the datetime range.</summary>
    public static bool TryBinAtDateTime(long ticks, long size, long fixedPoint, out long result) =>
        TryBinAt(ticks, size, fixedPoint, out result) && KqlTime.IsValidDateTime(result);
}
