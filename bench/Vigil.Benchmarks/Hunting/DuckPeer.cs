using System.Globalization;
using DuckDB.NET.Data;

namespace Vigil.Benchmarks.Hunting;

/// <summary>DuckDB in this process, as the peer: tables loaded from the generator's Parquet files, a fixed thread count.</summary>
internal sealed class DuckPeer : IDisposable
{
    private readonly DuckDBConnection _connection;

    private DuckPeer(DuckDBConnection connection) => _connection = connection;

    /// <summary>An in-memory database with DeviceProcessEvents and DeviceNetworkEvents copied from DIR/&lt;table&gt;.parquet.</summary>
    public static DuckPeer Load(string dataDirectory, int threads)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var peer = new DuckPeer(connection);
        peer.Query(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
        foreach (var table in new[] { "DeviceProcessEvents", "DeviceNetworkEvents" })
        {
            var file = Path.Combine(dataDirectory, table + ".parquet").Replace("'", "''", StringComparison.Ordinal);
            peer.Query($"CREATE TABLE {table} AS SELECT * FROM read_parquet('{file}')");
        }

        return peer;
    }

    public string Version => Query("SELECT version()")[0][0];

    /// <summary>Runs <paramref name="sql"/> and returns every row as text (timestamps as yyyy-MM-dd HH:mm:ss).</summary>
    public List<string[]> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        do
        {
            while (reader.Read())
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? string.Empty : Text(reader.GetValue(i));
                }

                rows.Add(row);
            }
        }
        while (reader.NextResult());
        return rows;
    }

    private static string Text(object value) => value switch
    {
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public void Dispose() => _connection.Dispose();
}
