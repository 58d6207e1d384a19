using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>Replays a <see cref="LogicalMaterialized"/>'s rows (the buffer is shared; each read copies batches out).</summary>
internal sealed class MaterializedSource(LogicalMaterialized materialized) : PhysicalOperator(materialized.Schema)
{
    private readonly BufferEmitter _emitter = new(materialized.Rows);

    public override Batch? Next() => _emitter.Next();

    public override void Dispose() => _emitter.Dispose();
}
