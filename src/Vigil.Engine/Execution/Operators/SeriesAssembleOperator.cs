using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>Builds make-series' arrays from the per-(keys, bin) aggregates (see <see cref="LogicalSeriesAssemble"/>).</summary>
internal sealed class SeriesAssembleOperator(PhysicalOperator input, LogicalSeriesAssemble assemble, QueryContext context)
    : PhysicalOperator(assemble.Schema)
{
    /// <summary>Kusto's limit on make-series arrays (2^20 elements).</summary>
    private const int MaxBins = 1 << 20;

    private RowBuffer? _rows;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            _rows = Assemble();
            _emitter = new BufferEmitter(_rows);
        }

        return _emitter.Next();
    }

    private RowBuffer Assemble()
    {
        using var buffered = new RowBuffer(input.Schema);
        while (input.Next() is { } batch)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            buffered.Append(batch);
        }

        var keys = assemble.KeyCount;
        var bins = buffered.Columns[keys];
        var isReal = PhysicalKinds.Of(PhysicalKinds.Normalize(assemble.AxisType)) == PhysicalKind.Real;
        var axis = new SeriesAxis(isReal, assemble.Step);
        for (var i = 0; i < buffered.Count; i++)
        {
            if (!bins.IsNull(i))
            {
                axis.See(bins, i);
            }
        }

        var count = axis.Resolve(assemble.Start, assemble.End, assemble.EndInclusive, MaxBins);
        var groups = new Dictionary<KeyTuple, DynamicValue?[][]>();
        var order = new List<(ScalarValue[] Keys, DynamicValue?[][] Series)>();
        var aggregates = assemble.Defaults.Count;
        for (var i = 0; i < buffered.Count; i++)
        {
            var tuple = new ScalarValue[keys];
            for (var k = 0; k < keys; k++)
            {
                tuple[k] = buffered.Columns[k].GetValue(i);
            }

            if (!groups.TryGetValue(new KeyTuple(tuple), out var series))
            {
                series = NewSeries(count, aggregates);
                groups[new KeyTuple(tuple)] = series;
                order.Add((tuple, series));
            }

            var index = bins.IsNull(i) ? -1 : axis.IndexOf(bins, i);
            if (index < 0 || index >= count)
            {
                continue;
            }

            for (var a = 0; a < aggregates; a++)
            {
                series[a][index] = ToDynamic(buffered.Columns[keys + 1 + a].GetValue(i));
            }
        }

        if (order.Count == 0 && assemble.NonEmpty && keys == 0)
        {
            order.Add(([], NewSeries(count, aggregates)));
        }

        var output = new RowBuffer(Schema, Math.Max(order.Count, 1));
        var axisValues = new DynamicValue?[count];
        var axisType = PhysicalKinds.Normalize(assemble.AxisType);
        for (var b = 0; b < count; b++)
        {
            axisValues[b] = ToDynamic(axis.ValueAt(b, axisType));
        }

        var axisValue = ScalarValue.FromDynamic(DynamicValue.FromArray(axisValues));
        foreach (var (tuple, series) in order)
        {
            var c = 0;
            foreach (var key in tuple)
            {
                output.Columns[c++].AppendValue(key);
            }

            for (var a = 0; a < aggregates; a++)
            {
                var values = series[a];
                for (var b = 0; b < values.Length; b++)
                {
                    values[b] ??= ToDynamic(assemble.Defaults[a]);
                }

                output.Columns[c++].AppendValue(ScalarValue.FromDynamic(DynamicValue.FromArray(values)));
            }

            output.Columns[c].AppendValue(axisValue);
            output.Commit(1);
        }

        return output;
    }

    private static DynamicValue?[][] NewSeries(int count, int aggregates)
    {
        var series = new DynamicValue?[aggregates][];
        for (var a = 0; a < aggregates; a++)
        {
            series[a] = new DynamicValue?[count];
        }

        return series;
    }

    /// <summary>A series element: a null value (an empty string too) is the null dynamic.</summary>
    internal static DynamicValue ToDynamic(ScalarValue value) => value.IsNull ? DynamicValue.Null : value.ToDynamic();

    public override void Dispose()
    {
        _emitter?.Dispose();
        _rows?.Dispose();
        input.Dispose();
    }

    /// <summary>The axis grid: exact long arithmetic for ticks and integers, doubles for real axes.</summary>
    private sealed class SeriesAxis(bool isReal, ScalarValue step)
    {
        private long _longMin = long.MaxValue, _longMax = long.MinValue, _longStart;
        private double _realMin = double.PositiveInfinity, _realMax = double.NegativeInfinity, _realStart;
        private bool _seen;

        public void See(ColumnVector bins, int row)
        {
            _seen = true;
            if (isReal)
            {
                _realMin = Math.Min(_realMin, bins.Real[row]);
                _realMax = Math.Max(_realMax, bins.Real[row]);
            }
            else
            {
                _longMin = Math.Min(_longMin, bins.Int64[row]);
                _longMax = Math.Max(_longMax, bins.Int64[row]);
            }
        }

        /// <summary>Fixes the grid's start and returns its number of bins (0 when neither the query nor the data decide it).</summary>
        public int Resolve(ScalarValue? start, ScalarValue? end, bool endInclusive, int maxBins)
        {
            if (start is null && !_seen)
            {
                return 0;
            }

            if (isReal)
            {
                var size = step.Real;
                _realStart = start?.Real ?? _realMin;
                if (end is null && !_seen)
                {
                    return 0;
                }

                var span = end is { } e ? (e.Real - _realStart) / size : ((_realMax - _realStart) / size) + 1;
                var bins = end is not null && endInclusive ? Math.Floor(span + 1e-9) + 1 : Math.Ceiling(span - 1e-9);
                return size > 0 ? (int)Math.Clamp(bins, 0, maxBins) : 0;
            }

            var length = step.Int64;
            _longStart = start?.Int64 ?? _longMin;
            if (length <= 0 || (end is null && !_seen))
            {
                return 0;
            }

            var last = end is { } x ? (Int128)x.Int64 : (Int128)_longMax + length;
            var distance = last - _longStart;
            Int128 count = end is not null && endInclusive
                ? (distance < 0 ? 0 : (distance / length) + 1)
                : (distance <= 0 ? 0 : (distance + length - 1) / length);
            return (int)Int128.Clamp(count, 0, maxBins);
        }

        public long IndexOf(ColumnVector bins, int row) => isReal
            ? (long)Math.Round((bins.Real[row] - _realStart) / step.Real)
            : ((Int128)bins.Int64[row] - _longStart) is var d && d >= 0 && d % step.Int64 == 0 ? (long)(d / step.Int64) : -1;

        public ScalarValue ValueAt(int index, ScalarType type) => isReal
            ? ScalarValue.FromReal(_realStart + (index * step.Real))
            : ScalarValue.FromInt64(type, _longStart + (index * step.Int64));
    }

    /// <summary>A by-key tuple compared by value.</summary>
    private readonly struct KeyTuple(ScalarValue[] values) : IEquatable<KeyTuple>
    {
        private readonly ScalarValue[] _values = values;

        public bool Equals(KeyTuple other) => _values.AsSpan().SequenceEqual(other._values);

        public override bool Equals(object? obj) => obj is KeyTuple other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in _values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
