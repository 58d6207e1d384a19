using Vigil.Engine.Execution.Vectors;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// A physical operator: pulls batches from its children and produces batches (Volcano-style, a batch at a time).
/// A returned batch stays valid until the next <see cref="Next"/> call; null means no more rows. Operators own the
/// vectors they produce and free them in <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Sources are the unit of future parallelism: a scan can be split across extents, each part driving its own
/// copy of the streaming operators above it, with sinks (aggregate, sort) merging per-thread local states.
/// </remarks>
internal abstract class PhysicalOperator(TableSchema schema) : IDisposable
{
    public TableSchema Schema { get; } = schema;

    public abstract Batch? Next();

    /// <summary>Frees this operator's buffers and disposes its children.</summary>
    public abstract void Dispose();
}
