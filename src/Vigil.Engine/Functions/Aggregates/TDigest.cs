using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// The percentile sketch behind percentile(s), tdigest, merge_tdigest and percentile_tdigest: a merging t-digest
/// (centroids of mean and weight, sorted by mean). Up to <see cref="ExactLimit"/> distinct values every value is its own
/// centroid, so percentiles are exact nearest-rank values; beyond that, centroids are merged under the classic size
/// bound 4·N·q·(1−q)/δ (δ = 100), which keeps the rank error small at the tails and under about 1% at the median.
/// Values are kept relative to the first one seen, so datetime ticks keep full precision in doubles. The minimum and
/// maximum are exact (percentiles 0 and 100).
/// </summary>
internal sealed class TDigest
{
    private const int ExactLimit = 2_000;
    private const double Compression = 100;
    private const string Marker = "vigil.tdigest.1";

    private List<(double Mean, double Weight)> _centroids = [];
    private readonly List<(double Mean, double Weight)> _buffer = [];
    private bool _hasBase;

    public TDigest(ScalarType type)
    {
        Type = type;
    }

    /// <summary>The type of the summarized values (long, real, datetime, timespan, ...).</summary>
    public ScalarType Type { get; }

    public double TotalWeight { get; private set; }

    /// <summary>The first value seen; others are stored as offsets from it.</summary>
    public long Base { get; private set; }

    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public bool IsEmpty => TotalWeight == 0;

    /// <summary>Adds a value of an integer-like type (long, datetime ticks, timespan ticks).</summary>
    public void AddTicks(long value, double weight)
    {
        if (!_hasBase)
        {
            Base = value;
            _hasBase = true;
        }

        AddOffset(unchecked(value - Base), weight);
    }

    /// <summary>Adds a real value.</summary>
    public void AddReal(double value, double weight)
    {
        if (!double.IsNaN(value))
        {
            _hasBase = true;
            AddOffset(value, weight);
        }
    }

    private void AddOffset(double offset, double weight)
    {
        if (weight <= 0)
        {
            return;
        }

        _buffer.Add((offset, weight));
        TotalWeight += weight;
        _min = Math.Min(_min, offset);
        _max = Math.Max(_max, offset);
        if (_buffer.Count >= ExactLimit * 2)
        {
            Compress();
        }
    }

    public void Merge(TDigest other)
    {
        other.Compress();
        if (other.IsEmpty)
        {
            return;
        }

        var shift = 0.0;
        if (!_hasBase)
        {
            Base = other.Base;
            _hasBase = true;
        }
        else if (IsInteger)
        {
            shift = unchecked(other.Base - Base);
        }

        foreach (var (mean, weight) in other._centroids)
        {
            _buffer.Add((mean + shift, weight));
        }

        TotalWeight += other.TotalWeight;
        _min = Math.Min(_min, other._min + shift);
        _max = Math.Max(_max, other._max + shift);
        Compress();
    }

    /// <summary>The nearest-rank percentile (0..100) as an offset from <see cref="Base"/>; null when empty.</summary>
    public double? Percentile(double percent)
    {
        Compress();
        if (IsEmpty || double.IsNaN(percent))
        {
            return null;
        }

        percent = Math.Clamp(percent, 0, 100);
        if (percent == 0)
        {
            return _min;
        }

        if (percent == 100)
        {
            return _max;
        }

        var rank = Math.Max(1, Math.Ceiling(Math.Round(percent * TotalWeight / 100, 9)));
        var cumulative = 0.0;
        foreach (var (mean, weight) in _centroids)
        {
            cumulative += weight;
            if (cumulative >= rank)
            {
                return Math.Clamp(mean, _min, _max);
            }
        }

        return _max;
    }

    /// <summary>The (estimated) weight of values less than or equal to <paramref name="offset"/>.</summary>
    public double Rank(double offset)
    {
        Compress();
        var cumulative = 0.0;
        foreach (var (mean, weight) in _centroids)
        {
            if (mean > offset)
            {
                break;
            }

            cumulative += weight;
        }

        return cumulative;
    }

    /// <summary>An offset as a value of <see cref="Type"/>, as a dynamic value.</summary>
    public DynamicValue ToDynamicValue(double offset) => Type switch
    {
        ScalarType.Real or ScalarType.Decimal => DynamicValue.FromReal(offset),
        ScalarType.DateTime => DynamicValue.FromDateTime(ToTicks(offset)),
        ScalarType.TimeSpan => DynamicValue.FromTimeSpan(ToTicks(offset)),
        _ => DynamicValue.FromLong(ToTicks(offset)),
    };

    /// <summary>An offset back as the integer value it stands for.</summary>
    public long ToTicks(double offset) => unchecked(Base + (long)Math.Round(offset));

    /// <summary>A value of the digest's type as an offset.</summary>
    public double ToOffset(double real, long ticks) => IsInteger ? unchecked(ticks - Base) : real;

    public bool IsInteger => Type is not (ScalarType.Real or ScalarType.Decimal);

    public DynamicValue ToDynamic()
    {
        Compress();
        var means = new DynamicValue[_centroids.Count];
        var weights = new DynamicValue[_centroids.Count];
        for (var i = 0; i < means.Length; i++)
        {
            means[i] = DynamicValue.FromReal(_centroids[i].Mean);
            weights[i] = DynamicValue.FromReal(_centroids[i].Weight);
        }

        return DynamicValue.FromArray(
        [
            DynamicValue.FromString(Marker), DynamicValue.FromString(TypeFacts.GetName(Type)), DynamicValue.FromLong(Base),
            DynamicValue.FromReal(_min), DynamicValue.FromReal(_max), DynamicValue.FromArray(means), DynamicValue.FromArray(weights),
        ]);
    }

    public static bool TryFromDynamic(DynamicValue value, out TDigest digest)
    {
        digest = null!;
        if (value.Kind != DynamicKind.Array || value.Count != 7)
        {
            return false;
        }

        var items = value.ArrayItems;
        if (items[0].Kind != DynamicKind.String || items[0].StringValue != Marker || items[1].Kind != DynamicKind.String
            || !TypeFacts.TryParse(items[1].StringValue, out var type) || items[2].Kind != DynamicKind.Long
            || items[5].Kind != DynamicKind.Array || items[6].Kind != DynamicKind.Array || items[5].Count != items[6].Count
            || !DynamicConversions.TryToReal(items[3], out var min) || !DynamicConversions.TryToReal(items[4], out var max))
        {
            return false;
        }

        var result = new TDigest(type) { Base = items[2].LongValue, _hasBase = true, _min = min, _max = max };
        var means = items[5].ArrayItems;
        var weights = items[6].ArrayItems;
        for (var i = 0; i < means.Length; i++)
        {
            if (!DynamicConversions.TryToReal(means[i], out var mean) || !DynamicConversions.TryToReal(weights[i], out var weight) || weight <= 0)
            {
                return false;
            }

            result._centroids.Add((mean, weight));
            result.TotalWeight += weight;
        }

        digest = result;
        return true;
    }

    private void Compress()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        _buffer.AddRange(_centroids);
        _buffer.Sort((a, b) => a.Mean.CompareTo(b.Mean));

        // Equal values always share a centroid; that alone keeps small or low-cardinality inputs exact.
        var merged = new List<(double Mean, double Weight)>(_buffer.Count);
        foreach (var item in _buffer)
        {
            if (merged.Count > 0 && merged[^1].Mean == item.Mean)
            {
                merged[^1] = (item.Mean, merged[^1].Weight + item.Weight);
            }
            else
            {
                merged.Add(item);
            }
        }

        _buffer.Clear();
        if (merged.Count <= ExactLimit)
        {
            _centroids = merged;
            return;
        }

        var result = new List<(double Mean, double Weight)>();
        var total = TotalWeight;
        var before = 0.0;
        var (currentMean, currentWeight) = merged[0];
        for (var i = 1; i < merged.Count; i++)
        {
            var (mean, weight) = merged[i];
            var proposed = currentWeight + weight;
            var q = (before + (proposed / 2)) / total;
            if (proposed <= Math.Max(1, 4 * total * q * (1 - q) / Compression))
            {
                currentMean += (mean - currentMean) * weight / proposed;
                currentWeight = proposed;
            }
            else
            {
                result.Add((currentMean, currentWeight));
                before += currentWeight;
                (currentMean, currentWeight) = (mean, weight);
            }
        }

        result.Add((currentMean, currentWeight));
        _centroids = result;
    }
}
