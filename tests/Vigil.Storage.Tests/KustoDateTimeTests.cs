using System.Text;
using Vigil.Storage.Ingestion;

namespace Vigil.Storage.Tests;

public sealed class KustoDateTimeTests
{
    [Theory]
    [InlineData("2025-06-02T00:00:02.298Z")]
    [InlineData("2025-06-02 00:00:02")]
    [InlineData("2025-06-02T23:59:59.1234567z")]
    [InlineData("2025-06-02T23:59:59.123456789Z")] // digits past the seventh are dropped
    [InlineData("2024-02-29T12:00:00Z")]
    [InlineData("0001-01-01T00:00:00")]
    public void The_utf8_fast_path_parses_as_the_text_parser_does(string text)
    {
        Assert.True(KustoDateTime.TryParse(text, out var expected));
        Assert.True(KustoDateTime.TryParseIsoUtf8(Encoding.UTF8.GetBytes(text), out var ticks));
        Assert.Equal(expected, ticks);
    }

    [Theory]
    [InlineData("2023-02-29T12:00:00Z")]          // no such day
    [InlineData("2025-06-02T24:00:00Z")]
    [InlineData("2025-06-02T10:00:00.Z")]
    [InlineData("2025-06-02T10:00:00+02:00")]     // offsets: left to the general parser
    [InlineData(" 2025-06-02T10:00:00Z")]
    [InlineData("2025-06-02T10:00:00Z ")]
    [InlineData("2025-06-02")]
    [InlineData("２025-06-02T10:00:00Z")]         // a non-ASCII digit
    [InlineData("Mon, 02 Jun 2025 10:00:00 GMT")]
    public void Other_shapes_are_left_to_the_general_parser(string text)
    {
        Assert.False(KustoDateTime.TryParseIsoUtf8(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Json_datetimes_convert_the_same_by_either_path()
    {
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero))));
        ws.CreateTable(new TableSchema("Dt_CL", [new ColumnDefinition("T", ColumnType.DateTime)]));
        var result = ws.Ingest("Dt_CL", TestData.Utf8("""
            {"T":"2025-06-02T10:00:00.5Z"}
            {"T":"2025-06-02T10:00:00+02:00"}
            {"T":"2025\u002D06-02T10:00:00Z"}
            {"T":" 2025-06-02 10:00:00 "}
            {"T":"2025-13-02T10:00:00Z"}
            """), IngestFormat.JsonLines);
        Assert.Equal(4, result.AcceptedRows);
        Assert.Equal(5, Assert.Single(result.Failures).RowNumber);
        using var snapshot = ws.GetSnapshot();
        var values = TestData.ReadRows(snapshot, "Dt_CL").Select(r => (DateTime)r[0]!).ToList();
        var tenUtc = new DateTime(2025, 6, 2, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal([tenUtc.AddMilliseconds(500), tenUtc.AddHours(-2), tenUtc, tenUtc], values);
    }
}
