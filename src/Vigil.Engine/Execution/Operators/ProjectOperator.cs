using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>project/extend and friends: one evaluator per output column; the input's selection carries over.</summary>
internal sealed class ProjectOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly ExpressionEvaluator[] _columns;
    private readonly Batch _output;

    public ProjectOperator(PhysicalOperator input, IReadOnlyList<NamedExpr> columns, TableSchema schema, QueryContext context)
        : base(schema)
    {
        _input = input;
        _columns = new ExpressionEvaluator[columns.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = new ExpressionEvaluator(columns[i].Expression, context);
        }

        _output = new Batch(new ColumnVector[_columns.Length], 0);
    }

    public override Batch? Next()
    {
        if (_input.Next() is not { } batch)
        {
            return null;
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            _output.Columns[i] = _columns[i].Evaluate(batch);
        }

        _output.RowCount = batch.RowCount;
        _output.Selection = batch.Selection;
        _output.SelectedCount = batch.SelectedCount;
        return _output;
    }

    public override void Dispose()
    {
        foreach (var column in _columns)
        {
            column.Dispose();
        }

        _input.Dispose();
    }
}
