using System.Buffers;
using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Execution.Operators;

/// <summary><c>where</c>: narrows the batch's selection vector to rows whose predicate is true; never copies values.</summary>
internal sealed class FilterOperator(PhysicalOperator input, ScalarExpr predicate, QueryContext context) : PhysicalOperator(input.Schema)
{
    private readonly ExpressionEvaluator _predicate = new(predicate, context);
    private int[] _selection = ArrayPool<int>.Shared.Rent(Batch.DefaultCapacity);

    public override Batch? Next()
    {
        while (input.Next() is { } batch)
        {
            if (Apply(_predicate.Evaluate(batch), batch, ref _selection) > 0)
            {
                return batch;
            }
        }

        return null;
    }

    /// <summary>Keeps the live rows of <paramref name="batch"/> where <paramref name="condition"/> is true; returns how many.</summary>
    public static int Apply(ColumnVector condition, Batch batch, ref int[] selection)
    {
        if (selection.Length < batch.RowCount)
        {
            ArrayPool<int>.Shared.Return(selection);
            selection = ArrayPool<int>.Shared.Rent(batch.RowCount);
        }

        var values = condition.Bool;
        var kept = 0;
        var live = batch.Count;
        for (var i = 0; i < live; i++)
        {
            var row = batch.RowAt(i);
            if (values[row] && !condition.IsNull(row))
            {
                selection[kept++] = row;
            }
        }

        // The batch's own selection may be the array being written: it is read ahead of writes (kept <= i).
        batch.Selection = selection;
        batch.SelectedCount = kept;
        return kept;
    }

    public override void Dispose()
    {
        _predicate.Dispose();
        ArrayPool<int>.Shared.Return(_selection);
        _selection = [];
        input.Dispose();
    }
}
