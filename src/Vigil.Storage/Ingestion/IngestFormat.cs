namespace Vigil.Storage;

/// <summary>Input formats ingestion reads. Values persisted nowhere; order free.</summary>
public enum IngestFormat
{
    /// <summary>One JSON object per line (blank lines skipped). Row numbers are line numbers.</summary>
    JsonLines = 1,

    /// <summary>A JSON array of objects, or objects one after another (Kusto's multijson). Row numbers count objects.</summary>
    Json = 2,

    /// <summary>RFC 4180 CSV, fields mapped to the table's columns by position (Kusto's default).</summary>
    Csv = 3,

    /// <summary>CSV whose first record names the columns; data rows are numbered from 1 after it.</summary>
    CsvWithHeader = 4,
}

/// <summary>A rejected input row: where it was and why.</summary>
/// <param name="RowNumber">1-based row number in the input (see <see cref="IngestFormat"/> for each format's numbering).</param>
/// <param name="Reason">Why the row was rejected.</param>
public sealed record IngestFailure(long RowNumber, string Reason);

/// <summary>The outcome of an ingestion: accepted rows are durable (and visible) when this is returned.</summary>
public sealed class IngestResult
{
    /// <summary>Failures kept in <see cref="Failures"/> at most; <see cref="FailedRows"/> counts them all.</summary>
    public const int MaxReportedFailures = 1000;

    internal IngestResult(long accepted, long failed, IReadOnlyList<IngestFailure> failures)
    {
        AcceptedRows = accepted;
        FailedRows = failed;
        Failures = failures;
    }

    /// <summary>Rows stored.</summary>
    public long AcceptedRows { get; }

    /// <summary>Rows rejected.</summary>
    public long FailedRows { get; }

    /// <summary>The first <see cref="MaxReportedFailures"/> rejected rows with reasons.</summary>
    public IReadOnlyList<IngestFailure> Failures { get; }
}
