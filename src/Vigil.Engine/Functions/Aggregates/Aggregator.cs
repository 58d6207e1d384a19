using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// The running state of one aggregate call across all groups of a summarize. <see cref="Update"/> gets the
/// argument vectors of a batch and, per live row, its group number; <see cref="Finish"/> writes one value per
/// group into each output vector. Implementations keep per-group state in arrays indexed by group number.
/// </summary>
internal abstract class Aggregator
{
    /// <summary>Adds the batch's live rows (<paramref name="rows"/>: physical row per live row) to their groups.</summary>
    public abstract void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups);

    /// <summary>
    /// Bytes of state beyond a few per group (lists, sets, bags), for the query's memory budget; aggregators
    /// whose state is fixed per group leave it 0.
    /// </summary>
    public virtual long StateBytes => 0;

    /// <summary>Appends one value per group (0 .. <paramref name="groupCount"/>-1) to each output.</summary>
    public abstract void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs);

    /// <summary>
    /// Adds the partial states of <paramref name="other"/> (an aggregator made for the same call that saw other rows,
    /// such as another scan partition) into this one: other's group g joins group <c>groupMap[g]</c> here.
    /// </summary>
    public virtual void Merge(Aggregator other, ReadOnlySpan<int> groupMap) =>
        throw QueryException.NotSupported($"Merging partial states of {GetType().Name}");

    /// <summary>The groups of <paramref name="groupMap"/> for which <paramref name="has"/> is true, and where they go.</summary>
    protected static (int[] Rows, int[] Groups) Present(bool[] has, ReadOnlySpan<int> groupMap)
    {
        var rows = new List<int>();
        var groups = new List<int>();
        for (var g = 0; g < groupMap.Length && g < has.Length; g++)
        {
            if (has[g])
            {
                rows.Add(g);
                groups.Add(groupMap[g]);
            }
        }

        return ([.. rows], [.. groups]);
    }

    /// <summary>Grows a per-group array to hold group <paramref name="group"/>.</summary>
    protected static void Ensure<T>(ref T[] array, int group, T initial = default!)
    {
        if (group < array.Length)
        {
            return;
        }

        var old = array.Length;
        Array.Resize(ref array, Math.Max(group + 1, Math.Max(16, old * 2)));
        if (!EqualityComparer<T>.Default.Equals(initial, default!))
        {
            array.AsSpan(old).Fill(initial);
        }
    }
}
