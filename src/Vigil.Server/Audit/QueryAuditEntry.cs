namespace Vigil.Server.Audit;

/// <summary>
/// One audited query: a row of LAQueryLogs (columns as Log Analytics documents them; those Vigil has no notion of,
/// such as billing and regions, stay empty).
/// </summary>
internal sealed record QueryAuditEntry
{
    /// <summary>When the query was submitted (UTC).</summary>
    public required DateTime TimeGenerated { get; init; }

    public string? QueryText { get; init; }

    public required int ResponseCode { get; init; }

    public long? ResponseRowCount { get; init; }

    public required double ResponseDurationMs { get; init; }

    public string? AadObjectId { get; init; }

    public string? AadEmail { get; init; }

    public string? AadTenantId { get; init; }

    public string? AadClientId { get; init; }

    /// <summary>The client's <c>x-ms-app</c> header (else its User-Agent).</summary>
    public string? RequestClientApp { get; init; }

    /// <summary>The request URL's path (the API and workspace the query was sent to).</summary>
    public string? RequestTarget { get; init; }

    public string? CorrelationId { get; init; }

    public DateTime? QueryTimeRangeStart { get; init; }

    public DateTime? QueryTimeRangeEnd { get; init; }
}
