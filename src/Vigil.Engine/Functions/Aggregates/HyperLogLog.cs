using System.Numerics;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// The distinct-count sketch behind dcount, hll, hll_merge and dcount_hll. Kusto's accuracy levels 0..4 use 2^12,
/// 2^14, 2^16, 2^17 and 2^18 one-byte registers (about 1.6%, 0.8%, 0.4%, 0.28% and 0.2% standard error). Small sets are
/// counted exactly (up to 250, 1,000, 8,000, 16,000, 32,000 values by level) by keeping their 64-bit hashes; beyond
/// that, the registers hold the longest run of leading zeros and the count is Ertl's improved estimator (2017), which
/// needs no empirical bias tables. Sketches merge exactly (union of hashes, maximum of registers).
/// </summary>
internal sealed class HyperLogLog
{
    public const int DefaultAccuracy = 1;
    private const string Marker = "vigil.hll.1";

    private HashSet<ulong>? _exact = [];
    private byte[]? _registers;

    public HyperLogLog(int accuracy)
    {
        Accuracy = Math.Clamp(accuracy, 0, 4);
    }

    public int Accuracy { get; private set; }

    /// <summary>The hashes of the values while the sketch still counts exactly; null once it estimates.</summary>
    public IReadOnlySet<ulong>? ExactHashes => _exact;

    private int Precision => PrecisionOf(Accuracy);

    public static int PrecisionOf(int accuracy) => accuracy switch
    {
        0 => 12,
        1 => 14,
        2 => 16,
        3 => 17,
        _ => 18,
    };

    private static int ExactLimit(int accuracy) => accuracy switch
    {
        0 => 250,
        1 => 1_000,
        2 => 8_000,
        3 => 16_000,
        _ => 32_000,
    };

    public void Add(ulong hash)
    {
        if (_exact is not null)
        {
            if (_exact.Add(hash) && _exact.Count > ExactLimit(Accuracy))
            {
                ToRegisters();
            }

            return;
        }

        AddToRegisters(_registers!, Precision, hash);
    }

    /// <summary>Adds <paramref name="other"/>'s values; the result has the lower of the two accuracies.</summary>
    public void Merge(HyperLogLog other)
    {
        if (other.Accuracy < Accuracy)
        {
            Lower(other.Accuracy);
        }

        if (other._exact is { } hashes)
        {
            foreach (var hash in hashes)
            {
                Add(hash);
            }

            return;
        }

        var theirs = other._registers!;
        if (other.Accuracy > Accuracy)
        {
            theirs = Fold(theirs, other.Precision, Precision);
        }

        if (_exact is not null)
        {
            ToRegisters();
        }

        var mine = _registers!;
        for (var i = 0; i < mine.Length; i++)
        {
            mine[i] = Math.Max(mine[i], theirs[i]);
        }
    }

    public long Count()
    {
        if (_exact is not null)
        {
            return _exact.Count;
        }

        var registers = _registers!;
        var m = (double)registers.Length;
        var q = 64 - Precision;
        var histogram = new int[q + 2];
        foreach (var register in registers)
        {
            histogram[register]++;
        }

        var z = m * Tau(1 - (histogram[q + 1] / m));
        for (var k = q; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }

        z += m * Sigma(histogram[0] / m);
        return (long)Math.Round(m * m / (2 * Math.Log(2)) / z);
    }

    /// <summary>The sketch as a dynamic value: <c>["vigil.hll.1", accuracy, [hashes...]]</c> or <c>[..., "base64 registers"]</c>.</summary>
    public DynamicValue ToDynamic()
    {
        DynamicValue payload;
        if (_exact is not null)
        {
            var items = new DynamicValue[_exact.Count];
            var i = 0;
            foreach (var hash in _exact)
            {
                items[i++] = DynamicValue.FromLong(unchecked((long)hash));
            }

            payload = DynamicValue.FromArray(items);
        }
        else
        {
            payload = DynamicValue.FromString(Convert.ToBase64String(_registers!));
        }

        return DynamicValue.FromArray([DynamicValue.FromString(Marker), DynamicValue.FromLong(Accuracy), payload]);
    }

    /// <summary>Reads a value made by <see cref="ToDynamic"/>; false for anything else.</summary>
    public static bool TryFromDynamic(DynamicValue value, out HyperLogLog sketch)
    {
        sketch = null!;
        if (value.Kind != DynamicKind.Array || value.Count != 3)
        {
            return false;
        }

        var items = value.ArrayItems;
        if (items[0].Kind != DynamicKind.String || items[0].StringValue != Marker || items[1].Kind != DynamicKind.Long
            || items[1].LongValue is < 0 or > 4)
        {
            return false;
        }

        var result = new HyperLogLog((int)items[1].LongValue);
        if (items[2].Kind == DynamicKind.Array)
        {
            foreach (var item in items[2].ArrayItems)
            {
                if (item.Kind != DynamicKind.Long)
                {
                    return false;
                }

                result.Add(unchecked((ulong)item.LongValue));
            }
        }
        else if (items[2].Kind == DynamicKind.String)
        {
            var registers = new byte[1 << result.Precision];
            if (!Convert.TryFromBase64String(items[2].StringValue, registers, out var written) || written != registers.Length)
            {
                return false;
            }

            result._exact = null;
            result._registers = registers;
        }
        else
        {
            return false;
        }

        sketch = result;
        return true;
    }

    private void ToRegisters()
    {
        var registers = new byte[1 << Precision];
        foreach (var hash in _exact!)
        {
            AddToRegisters(registers, Precision, hash);
        }

        _registers = registers;
        _exact = null;
    }

    private void Lower(int accuracy)
    {
        if (_registers is not null)
        {
            _registers = Fold(_registers, Precision, PrecisionOf(accuracy));
        }

        Accuracy = accuracy;
        if (_exact is not null && _exact.Count > ExactLimit(accuracy))
        {
            ToRegisters();
        }
    }

    private static void AddToRegisters(byte[] registers, int precision, ulong hash)
    {
        var index = (int)(hash >> (64 - precision));
        var rest = hash << precision;
        var rank = rest == 0 ? 64 - precision + 1 : BitOperations.LeadingZeroCount(rest) + 1;
        if (rank > registers[index])
        {
            registers[index] = (byte)rank;
        }
    }

    /// <summary>Registers of a higher precision mapped onto fewer registers (the dropped index bits join the run of zeros).</summary>
    private static byte[] Fold(byte[] registers, int from, int to)
    {
        var result = new byte[1 << to];
        var shift = from - to;
        for (var i = 0; i < registers.Length; i++)
        {
            if (registers[i] == 0)
            {
                continue;
            }

            var dropped = i & ((1 << shift) - 1);
            var rank = dropped != 0
                ? BitOperations.LeadingZeroCount((uint)dropped) - (32 - shift) + 1
                : registers[i] + shift;
            var target = i >> shift;
            result[target] = (byte)Math.Max(result[target], Math.Min(rank, 64 - to + 1));
        }

        return result;
    }

    private static double Sigma(double x)
    {
        if (x == 1)
        {
            return double.PositiveInfinity;
        }

        double y = 1, z = x, previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    private static double Tau(double x)
    {
        if (x is 0 or 1)
        {
            return 0;
        }

        double y = 1, z = 1 - x, previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
