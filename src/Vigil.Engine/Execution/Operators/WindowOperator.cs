using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Window functions over a serialized input: buffers every row (prev/next look both ways), computes each call's
/// column over the whole buffer in order, then emits the rows with the new columns appended.
/// </summary>
internal sealed class WindowOperator(PhysicalOperator input, LogicalWindow window, QueryContext context) : PhysicalOperator(window.Schema)
{
    private RowBuffer? _rows;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            var buffered = new RowBuffer(input.Schema);
            while (input.Next() is { } batch)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                buffered.Append(batch);
            }

            var columns = new List<ColumnVector>(buffered.Columns);
            var count = buffered.Count;
            foreach (var call in window.Calls)
            {
                var arguments = new ColumnVector[call.Arguments.Length];
                try
                {
                    for (var a = 0; a < arguments.Length; a++)
                    {
                        arguments[a] = WholeColumnEvaluator.Evaluate(call.Arguments[a], columns, count, context);
                    }

                    columns.Add(WindowFunctions.Compute(call.Function, arguments, call.Output.Type, count));
                }
                finally
                {
                    foreach (var argument in arguments)
                    {
                        argument?.Dispose();
                    }
                }
            }

            _rows = new RowBuffer(Schema, [.. columns], count);
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
