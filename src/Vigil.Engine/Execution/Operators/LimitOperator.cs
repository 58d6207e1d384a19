using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Execution.Operators;

/// <summary><c>take N</c>: passes batches through until N rows went by, trimming the last one; then stops pulling.</summary>
internal sealed class LimitOperator(PhysicalOperator input, long count) : PhysicalOperator(input.Schema)
{
    private long _remaining = count;
    private int[] _selection = [];

    public override Batch? Next()
    {
        if (_remaining <= 0 || input.Next() is not { } batch)
        {
            return null;
        }

        var live = batch.Count;
        if (live > _remaining)
        {
            var keep = (int)_remaining;
            if (batch.Selection is null)
            {
                if (_selection.Length < keep)
                {
                    _selection = new int[Math.Max(keep, Batch.DefaultCapacity)];
                }

                for (var i = 0; i < keep; i++)
                {
                    _selection[i] = i;
                }

                batch.Selection = _selection;
            }

            batch.SelectedCount = keep;
            live = keep;
        }

        _remaining -= live;
        return batch;
    }

    public override void Dispose() => input.Dispose();
}
