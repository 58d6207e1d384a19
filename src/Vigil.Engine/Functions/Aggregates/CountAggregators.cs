using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary><c>count()</c> (every row) and <c>countif(predicate)</c> (rows where it is true).</summary>
internal sealed class CountAggregator(bool conditional) : Aggregator
{
    private long[] _counts = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var condition = conditional ? arguments[0] : null;
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _counts, g);
            if (condition is null || (condition.Bool[rows[i]] && !condition.IsNull(rows[i])))
            {
                _counts[g]++;
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _counts, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            outputs[0].AppendValue(Planning.Expressions.ScalarValue.FromLong(_counts[g]));
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var counts = ((CountAggregator)other)._counts;
        for (var g = 0; g < groupMap.Length && g < counts.Length; g++)
        {
            Ensure(ref _counts, groupMap[g]);
            _counts[groupMap[g]] += counts[g];
        }
    }
}

/// <summary>
/// <c>count_distinct(x)</c> (and count_distinctif through <see cref="ConditionalAggregator"/>): the exact number of
/// distinct non-null values. dcount estimates instead (<see cref="HllAggregator"/>).
/// </summary>
internal sealed class DistinctCountAggregator : Aggregator
{
    private HashSet<Planning.Expressions.ScalarValue>?[] _sets = [];
    private long _values;

    /// <summary>About 48 bytes a distinct value held.</summary>
    public override long StateBytes => _values * 48;

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _sets, g);
            if (values.IsNull(rows[i]))
            {
                continue;
            }

            if ((_sets[g] ??= []).Add(values.GetValue(rows[i])))
            {
                _values++;
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _sets, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            outputs[0].AppendValue(Planning.Expressions.ScalarValue.FromLong(_sets[g]?.Count ?? 0));
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var sets = ((DistinctCountAggregator)other)._sets;
        for (var g = 0; g < groupMap.Length && g < sets.Length; g++)
        {
            Ensure(ref _sets, groupMap[g]);
            if (sets[g] is { } set)
            {
                (_sets[groupMap[g]] ??= []).UnionWith(set);
            }
        }
    }
}
