using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// sample: reservoir sampling (each input row ends up in the sample with equal probability) in a buffer of at most
/// N rows, emitted once the input is exhausted.
/// </summary>
internal sealed class ReservoirSampleOperator(PhysicalOperator input, LogicalSample plan) : PhysicalOperator(plan.Schema)
{
    private readonly RowBuffer _reservoir = new(plan.Schema, (int)Math.Min(plan.Count, Batch.DefaultCapacity));
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            Fill();
            _emitter = new BufferEmitter(_reservoir);
        }

        return _emitter.Next();
    }

    private void Fill()
    {
        var capacity = plan.Count;
        long seen = 0;
        while (input.Next() is { } batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch.RowAt(i);
                if (seen < capacity)
                {
                    for (var c = 0; c < _reservoir.Columns.Length; c++)
                    {
                        _reservoir.Columns[c].Append(batch.Columns[c], row);
                    }

                    _reservoir.Commit(1);
                }
                else
                {
                    var slot = Random.Shared.NextInt64(seen + 1);
                    if (slot < capacity)
                    {
                        for (var c = 0; c < _reservoir.Columns.Length; c++)
                        {
                            _reservoir.Columns[c].CopyRow((int)slot, batch.Columns[c], row);
                        }
                    }
                }

                seen++;
            }
        }
    }

    public override void Dispose()
    {
        _emitter?.Dispose();
        _reservoir.Dispose();
        input.Dispose();
    }
}
