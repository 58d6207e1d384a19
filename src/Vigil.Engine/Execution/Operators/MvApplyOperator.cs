using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;
using Vigil.Storage;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// mv-apply: for each live input row, points the subquery's <see cref="ApplyFeed"/> at the row, runs a fresh physical
/// copy of the subquery (its operators are one-shot) and appends each result row after the row's kept columns.
/// </summary>
internal sealed class MvApplyOperator(
    PhysicalOperator input, LogicalMvApply plan, WorkspaceSnapshot? snapshot, QueryContext context, ScanStatistics statistics)
    : PhysicalOperator(plan.Schema)
{
    private RowBuffer? _output;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            _output = Run();
            _emitter = new BufferEmitter(_output);
        }

        return _emitter.Next();
    }

    private RowBuffer Run()
    {
        var output = new RowBuffer(Schema);
        var kept = plan.KeptOrdinals;
        while (input.Next() is { } batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var row = batch.RowAt(i);
                plan.Feed.Batch = batch;
                plan.Feed.Row = row;
                using var subquery = PhysicalPlanner.Create(plan.Subquery, snapshot, context, statistics);
                while (subquery.Next() is { } result)
                {
                    for (var j = 0; j < result.Count; j++)
                    {
                        var resultRow = result.RowAt(j);
                        for (var k = 0; k < kept.Length; k++)
                        {
                            output.Columns[k].Append(batch.Columns[kept[k]], row);
                        }

                        for (var c = 0; c < result.Columns.Length; c++)
                        {
                            output.Columns[kept.Length + c].Append(result.Columns[c], resultRow);
                        }

                        output.Commit(1);
                    }
                }
            }
        }

        plan.Feed.Batch = null;
        return output;
    }

    public override void Dispose()
    {
        _emitter?.Dispose();
        _output?.Dispose();
        input.Dispose();
    }
}

/// <summary>The one input row an mv-apply subquery runs for, as a batch selecting that row of the input batch.</summary>
internal sealed class ApplyRowsSource(LogicalApplyRows plan) : PhysicalOperator(plan.Schema)
{
    private readonly int[] _selection = new int[1];
    private bool _done;

    public override Batch? Next()
    {
        if (_done || plan.Feed.Batch is not { } batch)
        {
            return null;
        }

        _done = true;
        _selection[0] = plan.Feed.Row;
        return new Batch(batch.Columns, batch.RowCount) { Selection = _selection, SelectedCount = 1 };
    }

    public override void Dispose()
    {
    }
}
