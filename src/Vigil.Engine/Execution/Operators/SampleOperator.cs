using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// <c>sample N</c> by reservoir sampling: one pass keeps a uniform random choice of N row positions (every row
/// seen is kept with probability N/seen), then the kept rows go out in input order.
/// </summary>
internal sealed class SampleOperator(PhysicalOperator input, LogicalSample sample, QueryContext context) : PhysicalOperator(sample.Schema)
{
    private RowBuffer? _rows;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            var capacity = (int)Math.Min(sample.Count, int.MaxValue / 2);
            var reservoir = new RowBuffer(input.Schema);
            var positions = new List<long>();
            long seen = 0;
            var random = Random.Shared;
            while (input.Next() is { } batch)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                for (var i = 0; i < batch.Count; i++, seen++)
                {
                    var row = batch.RowAt(i);
                    if (positions.Count < capacity)
                    {
                        positions.Add(seen);
                        for (var c = 0; c < reservoir.Columns.Length; c++)
                        {
                            reservoir.Columns[c].Append(batch.Columns[c], row);
                        }

                        reservoir.Commit(1);
                        continue;
                    }

                    var slot = random.NextInt64(seen + 1);
                    if (slot < capacity)
                    {
                        positions[(int)slot] = seen;
                        for (var c = 0; c < reservoir.Columns.Length; c++)
                        {
                            reservoir.Columns[c].CopyRow((int)slot, batch.Columns[c], row);
                        }
                    }
                }
            }

            var order = new int[positions.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => positions[a].CompareTo(positions[b]));
            reservoir.Reorder(order);
            _rows = reservoir;
            _emitter = new BufferEmitter(_rows);
        }

        return _emitter.Next();
    }

    public override void Dispose()
    {
        _emitter?.Dispose();
        _rows?.Dispose();
        input.Dispose();
    }
}
