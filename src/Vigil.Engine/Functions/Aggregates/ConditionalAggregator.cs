using System.Buffers;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// The <c>*if</c> form of an aggregate (sumif, make_list_if, stdevif, ...): the last argument is the predicate, and
/// only rows where it is true (not false, not null) reach the inner aggregate. Groups whose rows are all filtered out
/// still exist and get the inner aggregate's value for no input.
/// </summary>
internal sealed class ConditionalAggregator(Aggregator inner) : Aggregator
{
    private readonly Aggregator _inner = inner;

    public override long StateBytes => _inner.StateBytes;

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var predicate = arguments[^1];
        var keptRows = ArrayPool<int>.Shared.Rent(Math.Max(1, rows.Length));
        var keptGroups = ArrayPool<int>.Shared.Rent(Math.Max(1, rows.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i];
                if (predicate.Bool[row] && !predicate.IsNull(row))
                {
                    keptRows[count] = row;
                    keptGroups[count] = groups[i];
                    count++;
                }
            }

            if (count > 0)
            {
                _inner.Update(arguments[..^1], keptRows.AsSpan(0, count), keptGroups.AsSpan(0, count));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(keptRows);
            ArrayPool<int>.Shared.Return(keptGroups);
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs) => _inner.Finish(groupCount, outputs);

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap) => _inner.Merge(((ConditionalAggregator)other)._inner, groupMap);
}
