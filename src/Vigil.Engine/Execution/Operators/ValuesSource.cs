using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary><c>print</c> and <c>datatable</c>: evaluates the written rows once and returns them as one batch.</summary>
internal sealed class ValuesSource(LogicalValues values, QueryContext context) : PhysicalOperator(values.Schema)
{
    private ColumnVector[]? _columns;
    private bool _done;

    public override Batch? Next()
    {
        if (_done)
        {
            return null;
        }

        _done = true;
        var rows = values.Rows;
        _columns = Batch.CreateVectors(Schema, rows.Count);
        var empty = new Batch([], 1);
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                using var evaluator = new ExpressionEvaluator(row[c], context);
                _columns[c].Append(evaluator.Evaluate(empty), 0);
            }
        }

        return new Batch(_columns, rows.Count);
    }

    public override void Dispose()
    {
        if (_columns is not null)
        {
            foreach (var column in _columns)
            {
                column.Dispose();
            }
        }
    }
}
