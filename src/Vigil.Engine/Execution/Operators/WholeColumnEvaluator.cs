using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Evaluates an expression over every row of buffered columns (a batch-sized chunk at a time) into one vector of
/// the same length: what operators that see their whole input at once (window functions, scan) feed their kernels.
/// </summary>
internal static class WholeColumnEvaluator
{
    /// <summary>The values of <paramref name="expression"/> for rows 0..<paramref name="rowCount"/> of <paramref name="columns"/>; the caller owns the result.</summary>
    public static ColumnVector Evaluate(ScalarExpr expression, IReadOnlyList<ColumnVector> columns, int rowCount, QueryContext context)
    {
        var result = new ColumnVector(expression.Type, Math.Max(rowCount, 1));
        if (expression is ColumnExpr column)
        {
            for (var i = 0; i < rowCount; i++)
            {
                result.Append(columns[column.Ordinal], i);
            }

            return result;
        }

        var used = new bool[columns.Count];
        expression.VisitColumns(o => used[o] = true);
        var chunk = new ColumnVector[columns.Count];
        for (var c = 0; c < chunk.Length; c++)
        {
            // Unread columns stay empty: the evaluator only touches the ones the expression names.
            chunk[c] = new ColumnVector(columns[c].Type, used[c] ? Batch.DefaultCapacity : 1);
        }

        try
        {
            using var evaluator = new ExpressionEvaluator(expression, context);
            for (var start = 0; start < rowCount; start += Batch.DefaultCapacity)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var count = Math.Min(Batch.DefaultCapacity, rowCount - start);
                for (var c = 0; c < chunk.Length; c++)
                {
                    if (!used[c])
                    {
                        continue;
                    }

                    chunk[c].Reset(count);
                    for (var i = 0; i < count; i++)
                    {
                        chunk[c].CopyRow(i, columns[c], start + i);
                    }
                }

                var values = evaluator.Evaluate(new Batch(chunk, count));
                for (var i = 0; i < count; i++)
                {
                    result.Append(values, i);
                }
            }
        }
        finally
        {
            foreach (var vector in chunk)
            {
                vector.Dispose();
            }
        }

        return result;
    }
}
