using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// <c>make_list(x [, max])</c> and <c>make_set(x [, max])</c>: a dynamic array of the group's non-null values (a set
/// keeps the first occurrence of each distinct value), at most <c>max</c> elements (default 1,048,576). With
/// <c>keepNulls</c> (make_list_with_nulls) null values are kept as JSON nulls.
/// </summary>
internal sealed class MakeCollectionAggregator(bool distinct, long maxSize, bool keepNulls = false) : Aggregator
{
    public const long DefaultMaxSize = 1_048_576;

    private List<DynamicValue>?[] _lists = [];
    private HashSet<DynamicValue>?[] _seen = [];
    private long _elements;

    /// <summary>About 64 bytes an element kept (the value and its list and set slots).</summary>
    public override long StateBytes => _elements * 64;

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _lists, g);
            Ensure(ref _seen, g);
            var list = _lists[g] ??= [];
            if (list.Count >= maxSize)
            {
                continue;
            }

            var value = ConvertFunction.ToDynamic(values, rows[i]);
            if (keepNulls)
            {
                list.Add(value);
                _elements++;
                continue;
            }

            if (value.IsNull || (distinct && !(_seen[g] ??= []).Add(value)))
            {
                continue;
            }

            list.Add(value);
            _elements++;
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _lists, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var list = _lists[g];
            var array = list is null ? DynamicValue.EmptyArray : DynamicValue.FromArray([.. list]);
            outputs[0].AppendValue(ScalarValue.FromDynamic(array));
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var lists = ((MakeCollectionAggregator)other)._lists;
        for (var g = 0; g < groupMap.Length && g < lists.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _lists, t);
            Ensure(ref _seen, t);
            var list = _lists[t] ??= [];
            foreach (var value in lists[g] ?? [])
            {
                if (list.Count >= maxSize)
                {
                    break;
                }

                if (!distinct || (_seen[t] ??= []).Add(value))
                {
                    list.Add(value);
                    _elements++;
                }
            }
        }
    }
}

/// <summary><c>take_any(x)</c>: some non-null value of the group (here: the first seen).</summary>
internal sealed class TakeAnyAggregator(ReadOnlySpan<Kql.Symbols.ScalarType> types) : Aggregator
{
    private readonly ColumnVector[] _values = CreateVectors(types);
    private bool[] _has = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _has, g);
            if (_has[g])
            {
                continue;
            }

            _has[g] = true;
            for (var a = 0; a < _values.Length; a++)
            {
                _values[a].EnsureCapacity(g + 1);
                _values[a].Count = Math.Max(_values[a].Count, g + 1);
                _values[a].CopyRow(g, arguments[a], rows[i]);
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _has, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            for (var a = 0; a < outputs.Length; a++)
            {
                if (_has[g])
                {
                    outputs[a].Append(_values[a], g);
                }
                else
                {
                    outputs[a].AppendValue(ScalarValue.Null(outputs[a].Type));
                }
            }
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var o = (TakeAnyAggregator)other;
        var (rows, groups) = Present(o._has, groupMap);
        Update(o._values, rows, groups);
    }

    private static ColumnVector[] CreateVectors(ReadOnlySpan<Kql.Symbols.ScalarType> types)
    {
        var vectors = new ColumnVector[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            vectors[i] = new ColumnVector(types[i], 16);
        }

        return vectors;
    }
}
