using System.Globalization;

namespace Vigil.Engine.Execution;

/// <summary>
/// The bytes one query's stateful operators may hold at once (hash tables of summarize and join, sort buffers,
/// materialized rows, make_set lists, the result). Operators charge what they grow by through a
/// <see cref="MemoryAccount"/>; going over the limit ends the query with a <see cref="QueryException"/> naming the
/// operator, instead of exhausting the process. Thread-safe: parallel parts of one query share the budget.
/// </summary>
internal sealed class MemoryBudget(long limit)
{
    private long _used;

    public long Limit { get; } = limit;

    public long Used => Interlocked.Read(ref _used);

    public void Charge(long bytes, string operatorName)
    {
        if (Interlocked.Add(ref _used, bytes) > Limit && bytes > 0)
        {
            Interlocked.Add(ref _used, -bytes);
            throw Exceeded(operatorName);
        }
    }

    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);

    private QueryException Exceeded(string operatorName) =>
        new(QueryErrorKind.Runtime, string.Create(
            CultureInfo.InvariantCulture,
            $"The query exceeded its memory budget of {Limit / 1048576.0:0.##} MB in operator {operatorName} (QueryOptions.MemoryBudget)."));
}

/// <summary>What one operator holds against the query's <see cref="MemoryBudget"/>; released when disposed.</summary>
internal sealed class MemoryAccount(MemoryBudget budget, string operatorName) : IDisposable
{
    private long _held;

    public string OperatorName { get; } = operatorName;

    public long Held => _held;

    /// <summary>Adds <paramref name="bytes"/> to what the operator holds.</summary>
    public void Add(long bytes)
    {
        if (bytes != 0)
        {
            budget.Charge(bytes, OperatorName);
            _held += bytes;
        }
    }

    /// <summary>Sets what the operator holds now (charges or releases the difference).</summary>
    public void Set(long bytes)
    {
        var delta = bytes - _held;
        if (delta > 0)
        {
            Add(delta);
        }
        else if (delta < 0)
        {
            budget.Release(-delta);
            _held = bytes;
        }
    }

    public void Dispose()
    {
        budget.Release(_held);
        _held = 0;
    }
}
