namespace Vigil.Engine;

/// <summary>
/// A time range applied to every table a query reads, in addition to the query's own filters (the Log Analytics
/// API's <c>timespan</c>): rows whose <c>TimeGenerated</c> (or, lacking it, <c>Timestamp</c>) lies in
/// [<see cref="Start"/>, <see cref="End"/>]. Tables with neither column are read whole.
/// </summary>
public readonly record struct TimeWindow(DateTime Start, DateTime End);
