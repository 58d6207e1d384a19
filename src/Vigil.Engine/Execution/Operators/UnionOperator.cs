using Vigil.Engine.Execution.Vectors;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary><c>union</c>: passes through the batches of each input in turn (inputs already share the schema).</summary>
internal sealed class UnionOperator(IReadOnlyList<PhysicalOperator> inputs, TableSchema schema) : PhysicalOperator(schema)
{
    private int _current;

    public override Batch? Next()
    {
        while (_current < inputs.Count)
        {
            if (inputs[_current].Next() is { } batch)
            {
                return batch;
            }

            _current++;
        }

        return null;
    }

    public override void Dispose()
    {
        foreach (var input in inputs)
        {
            input.Dispose();
        }
    }
}
