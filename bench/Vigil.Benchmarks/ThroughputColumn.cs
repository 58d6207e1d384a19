using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Vigil.Benchmarks;

/// <summary>A column derived from the mean time of one operation that processes a known amount of work.</summary>
internal sealed class ThroughputColumn(string name, Func<BenchmarkCase, double> unitsPerOperation) : IColumn
{
    public string Id => "Throughput." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{name}: work per second, from the mean time of one operation";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var meanNanoseconds = report?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0)
        {
            return "-";
        }

        var perSecond = unitsPerOperation(benchmarkCase) / (meanNanoseconds.Value / 1e9);
        return perSecond.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
