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
}

/// <summary>
/// <c>dcount(x)</c> and <c>dcountif(x, predicate)</c>: the EXACT number of distinct non-null values (Kusto estimates with HyperLogLog; exact counts
/// equal its answer for small cardinalities and are never worse; a sketch can replace this later).
/// </summary>
internal sealed class DistinctCountAggregator(bool conditional = false) : Aggregator
{
    private HashSet<Planning.Expressions.ScalarValue>?[] _sets = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _sets, g);
            if (values.IsNull(rows[i]) || (conditional && (!arguments[1].Bool[rows[i]] || arguments[1].IsNull(rows[i]))))
            {
                continue;
            }

            (_sets[g] ??= []).Add(values.GetValue(rows[i]));
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
}
