using System.Runtime.InteropServices;
using Vigil.Storage;

namespace Vigil.Simulator;

/// <summary>
/// Writes generated rows into a workspace through its ingestion API (the path <c>vigil ingest</c> takes), so the
/// rows are converted, logged and made durable exactly like ingested data. Counts accepted and rejected rows.
/// </summary>
public sealed class WorkspaceEventSink(Workspace workspace) : IEventSink
{
    private readonly SortedDictionary<string, TableIngestion> _tables = new(StringComparer.Ordinal);

    /// <summary>Per table: rows accepted and rejected so far, and the first rejection reasons.</summary>
    public IReadOnlyDictionary<string, TableIngestion> Tables => _tables;

    public void Write(string table, ReadOnlyMemory<byte> jsonLines, int rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = MemoryMarshal.TryGetArray(jsonLines, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(jsonLines.ToArray(), writable: false);
        var result = workspace.Ingest(table, stream, IngestFormat.JsonLines);
        if (!_tables.TryGetValue(table, out var totals))
        {
            totals = new TableIngestion();
            _tables.Add(table, totals);
        }

        totals.Accepted += result.AcceptedRows;
        totals.Rejected += result.FailedRows;
        foreach (var failure in result.Failures)
        {
            if (totals.FirstRejections.Count < 5)
            {
                totals.FirstRejections.Add(failure.Reason);
            }
        }
    }
}

/// <summary>What happened to one table's generated rows in the workspace.</summary>
public sealed class TableIngestion
{
    public long Accepted { get; internal set; }

    public long Rejected { get; internal set; }

    public List<string> FirstRejections { get; } = [];
}
