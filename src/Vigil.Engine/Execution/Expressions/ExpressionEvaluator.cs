using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Execution.Expressions;

/// <summary>
/// Evaluates one planned expression over batches, a whole vector at a time. Compiled once per operator: every call
/// node gets its own result vector (reused batch after batch), a column reference returns the batch's own vector,
/// and a constant is broadcast once per batch size. Expressions are evaluated over all physical rows of a batch;
/// selection vectors are honoured by the consumers.
/// </summary>
internal sealed class ExpressionEvaluator : IDisposable
{
    private readonly Node _root;
    private readonly QueryContext _context;

    public ExpressionEvaluator(ScalarExpr expression, QueryContext context)
    {
        _context = context;
        _root = Compile(expression);
    }

    public ScalarExpr Expression => _root.Expression;

    /// <summary>The expression's values for the batch's physical rows; valid until the next call.</summary>
    public ColumnVector Evaluate(Batch batch) => Evaluate(_root, batch);

    public void Dispose() => _root.Dispose();

    private static Node Compile(ScalarExpr expression)
    {
        switch (expression)
        {
            case CallExpr call:
            {
                var children = new Node[call.Arguments.Length];
                for (var i = 0; i < children.Length; i++)
                {
                    children[i] = Compile(call.Arguments[i]);
                }

                return new Node(expression, children, new ColumnVector(expression.Type, Batch.DefaultCapacity));
            }

            case ConstantExpr:
                return new Node(expression, [], new ColumnVector(expression.Type, Batch.DefaultCapacity));
            default:
                return new Node(expression, [], null);
        }
    }

    private ColumnVector Evaluate(Node node, Batch batch)
    {
        var rows = batch.RowCount;
        switch (node.Expression)
        {
            case ColumnExpr column:
                return batch.Columns[column.Ordinal];
            case ConstantExpr constant:
            {
                var vector = node.Result!;
                if (node.FilledRows != rows)
                {
                    vector.Fill(constant.Value, rows);
                    node.FilledRows = rows;
                }

                vector.IsConstant = true;
                return vector;
            }

            default:
            {
                var call = (CallExpr)node.Expression;
                var arguments = node.Arguments;
                for (var i = 0; i < node.Children.Length; i++)
                {
                    arguments[i] = Evaluate(node.Children[i], batch);
                }

                var result = node.Result!;
                result.Reset(rows);
                call.Function.Evaluate(arguments, result, rows, _context);
                return result;
            }
        }
    }

    private sealed class Node(ScalarExpr expression, Node[] children, ColumnVector? result) : IDisposable
    {
        public ScalarExpr Expression { get; } = expression;

        public Node[] Children { get; } = children;

        public ColumnVector[] Arguments { get; } = new ColumnVector[children.Length];

        public ColumnVector? Result { get; } = result;

        public int FilledRows { get; set; } = -1;

        public void Dispose()
        {
            Result?.Dispose();
            foreach (var child in Children)
            {
                child.Dispose();
            }
        }
    }
}
