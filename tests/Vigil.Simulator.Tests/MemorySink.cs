using System.Text;

namespace Vigil.Simulator.Tests;

/// <summary>Keeps every generated row in memory, per table, as JSON lines in the order they were written.</summary>
internal sealed class MemorySink : IEventSink
{
    private readonly SortedDictionary<string, StringBuilder> _tables = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, StringBuilder> Tables => _tables;

    public void Write(string table, ReadOnlyMemory<byte> jsonLines, int rows)
    {
        if (!_tables.TryGetValue(table, out var text))
        {
            text = new StringBuilder();
            _tables.Add(table, text);
        }

        text.Append(Encoding.UTF8.GetString(jsonLines.Span));
    }

    /// <summary>The rows of <paramref name="table"/>, one JSON object each.</summary>
    public IEnumerable<string> Rows(string table) =>
        _tables.TryGetValue(table, out var text) ? text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    public static MemorySink Generate(SimulationOptions options)
    {
        var sink = new MemorySink();
        DefenderSimulator.Run(options, sink);
        return sink;
    }
}
