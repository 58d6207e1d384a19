namespace Vigil.Storage;

/// <summary>How a workspace is opened and tuned. Defaults suit production; tests shrink the thresholds.</summary>
public sealed class WorkspaceOptions
{
    /// <summary>
    /// Definitions of the built-in tables (the engine hands over the tables the language knows). A built-in table
    /// is created on first use; any other table must be created explicitly and its name must end in <c>_CL</c>.
    /// </summary>
    public IReadOnlyList<TableSchema> BuiltInTables { get; init; } = [];

    /// <summary>Retention of tables without their own, for a new workspace (an existing one keeps its setting).</summary>
    public int DefaultRetentionDays { get; init; } = 90;

    /// <summary>What ingestion does with properties that name no column, for tables created without a policy.</summary>
    public UnknownPropertyPolicy DefaultUnknownPropertyPolicy { get; init; } = UnknownPropertyPolicy.Drop;

    /// <summary>The clock for ingestion times and retention.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Rows per block inside an extent (the unit of min/max and term pruning and of decoding).</summary>
    public int BlockRows { get; init; } = 16_384;

    /// <summary>Buffered rows of a table that trigger writing an extent while ingesting.</summary>
    public int FlushRows { get; init; } = 1_000_000;

    /// <summary>Buffered bytes of a table (approximate) that trigger writing an extent while ingesting.</summary>
    public long FlushBytes { get; init; } = 128L << 20;

    /// <summary>Rows per WAL record: ingestion acknowledges and buffers in batches of this size.</summary>
    public int WalBatchRows { get; init; } = 8_192;

    /// <summary>WAL segment size before a new segment starts.</summary>
    public long WalSegmentBytes { get; init; } = 64L << 20;

    /// <summary>Extents smaller than this merge together, up to this many rows.</summary>
    public int TargetExtentRows { get; init; } = 1 << 20;

    /// <summary>Run merges and the retention sweep on a background task.</summary>
    public bool BackgroundMaintenance { get; init; } = true;

    /// <summary>How often background maintenance runs when nothing wakes it earlier.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Memory for decoded term filters kept between queries (least recently used ones are dropped); 0 turns it off.</summary>
    public long TermFilterCacheBytes { get; init; } = 64L << 20;

    /// <summary>Read every chunk of every extent at open to check checksums (slow on big workspaces).</summary>
    public bool VerifyExtentsOnOpen { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(FlushRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(WalBatchRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(TargetExtentRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultRetentionDays, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(TermFilterCacheBytes);
        ArgumentNullException.ThrowIfNull(BuiltInTables);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}

/// <summary>A problem storage found and worked around (a quarantined extent, a torn WAL tail...).</summary>
/// <param name="Time">When it was found (UTC).</param>
/// <param name="Path">The file concerned.</param>
/// <param name="Message">What was wrong and what was done.</param>
public sealed record StorageProblem(DateTime Time, string Path, string Message);
