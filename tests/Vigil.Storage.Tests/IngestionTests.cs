namespace Vigil.Storage.Tests;

public sealed class IngestionTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TableSchema Typed = new("Typed_CL", [
        new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
        new ColumnDefinition("B", ColumnType.Bool),
        new ColumnDefinition("I", ColumnType.Int),
        new ColumnDefinition("L", ColumnType.Long),
        new ColumnDefinition("R", ColumnType.Real),
        new ColumnDefinition("M", ColumnType.Decimal),
        new ColumnDefinition("T", ColumnType.TimeSpan),
        new ColumnDefinition("S", ColumnType.String),
        new ColumnDefinition("D", ColumnType.Dynamic),
        new ColumnDefinition("G", ColumnType.Guid),
    ]);

    private static (IngestResult Result, List<object?[]> Rows) Ingest(string text, IngestFormat format, TableSchema? schema = null,
        UnknownPropertyPolicy policy = UnknownPropertyPolicy.Drop)
    {
        schema ??= Typed;
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        ws.CreateTable(schema, unknownProperties: policy);
        var result = ws.Ingest(schema.Name, TestData.Utf8(text), format);
        using var snapshot = ws.GetSnapshot();
        return (result, TestData.ReadRows(snapshot, schema.Name));
    }

    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Theory]
    [InlineData("2024-02-03T04:05:06Z", 0)]
    [InlineData("2024-02-03T04:05:06", 0)]
    [InlineData("2024-02-03 04:05:06", 0)]
    [InlineData("2024-02-03T04:05:06.1234567Z", 1234567)]
    [InlineData("2024-02-03T04:05:06.123Z", 1230000)]
    [InlineData("2024-02-03T04:05:06.123456789Z", 1234567)]
    [InlineData("2024-02-03T06:05:06+02:00", 0)]
    [InlineData("Sat, 03 Feb 2024 04:05:06 GMT", 0)]
    [InlineData("2024-02-03T04:05:06.5+00:00", 5000000)]
    public void Datetime_forms_convert_to_utc_ticks(string text, long fractionTicks)
    {
        var (result, rows) = Ingest($$"""{"TimeGenerated":"{{text}}"}""", IngestFormat.JsonLines);
        Assert.Equal(1, result.AcceptedRows);
        Assert.Equal(Utc(2024, 2, 3, 4, 5, 6).AddTicks(fractionTicks), rows[0][0]);
    }

    [Fact]
    public void Date_only_is_midnight_utc()
    {
        var (_, rows) = Ingest("""{"TimeGenerated":"2024-02-03"}""", IngestFormat.JsonLines);
        Assert.Equal(Utc(2024, 2, 3), rows[0][0]);
    }

    [Fact]
    public void Numbers_and_bools_given_as_strings_convert()
    {
        var (result, rows) = Ingest("""
            {"B":"true","I":"42","L":"-9000000000","R":"2.5","M":"12.345","T":"01:02:03","G":"6f9619ff-8b86-d011-b42d-00cf4fc964ff"}
            {"B":"0","I":"7.0","L":"1e3","R":"NaN","M":"1","T":"2d"}
            {"B":1,"I":3,"L":4,"R":5,"M":6.5,"B":false}
            """, IngestFormat.JsonLines);
        Assert.Equal(3, result.AcceptedRows);
        Assert.Equal([true, 42, -9_000_000_000L, 2.5, 12.345m, new TimeSpan(1, 2, 3)], rows[0][1..7]);
        Assert.Equal(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), rows[0][9]);
        Assert.Equal([false, 7, 1000L, double.NaN, 1m, TimeSpan.FromDays(2)], rows[1][1..7]);
        Assert.Equal(false, rows[2][1]); // a repeated property: the last wins
        Assert.Equal(6.5m, rows[2][5]);
    }

    [Fact]
    public void Objects_and_arrays_go_to_dynamic_as_compact_json()
    {
        var (_, rows) = Ingest("""
            {"D": { "a" : [1, 2, {"b": null}], "c": "x" }, "S": {"k": 1}}
            {"D": "text", "S": 12}
            {"D": 1.50}
            """, IngestFormat.JsonLines);
        Assert.Equal("""{"a":[1,2,{"b":null}],"c":"x"}""", rows[0][8]);
        Assert.Equal("""{"k":1}""", rows[0][7]);
        Assert.Equal("\"text\"", rows[1][8]);
        Assert.Equal("12", rows[1][7]);
        Assert.Equal("1.50", rows[2][8]);
    }

    [Fact]
    public void Missing_values_are_null_except_strings_which_are_empty()
    {
        var (_, rows) = Ingest("""{"L":1}""", IngestFormat.JsonLines);
        Assert.Null(rows[0][1]);
        Assert.Null(rows[0][5]);
        Assert.Null(rows[0][8]);
        Assert.Equal(string.Empty, rows[0][7]);
    }

    [Fact]
    public void Bad_rows_are_reported_with_row_numbers_and_good_rows_are_kept()
    {
        var (result, rows) = Ingest("""
            {"L":1}
            {"L":"not a number"}

            {"L":3
            {"I":9999999999}
            [1,2]
            {"L":6}
            """, IngestFormat.JsonLines);
        Assert.Equal(2, result.AcceptedRows);
        Assert.Equal(4, result.FailedRows);
        Assert.Equal([2L, 4, 5, 6], result.Failures.Select(f => f.RowNumber));
        Assert.Contains("'L'", result.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("cannot convert", result.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Equal([1L, 6L], rows.Select(r => r[3]));
    }

    [Fact]
    public void Undecodable_strings_and_invalid_utf8_fail_only_their_row()
    {
        var bytes = new List<byte>();
        bytes.AddRange("{\"S\":\"\\uD800\"}\n"u8.ToArray());
        bytes.AddRange("{\"S\":\""u8.ToArray());
        bytes.AddRange(new byte[] { 0xC3, 0x28 });
        bytes.AddRange("\"}\n{\"S\":\"ok\"}\n"u8.ToArray());
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        ws.CreateTable(Typed);
        var result = ws.Ingest("Typed_CL", new MemoryStream(bytes.ToArray()), IngestFormat.JsonLines);
        Assert.Equal(1, result.AcceptedRows);
        Assert.Equal([1L, 2L], result.Failures.Select(f => f.RowNumber));
    }

    [Fact]
    public void Unknown_properties_are_dropped_or_reject_the_row_by_policy()
    {
        const string Input = """
            {"L":1,"Extra":2}
            {"L":2}
            """;
        var (dropped, droppedRows) = Ingest(Input, IngestFormat.JsonLines);
        Assert.Equal(2, dropped.AcceptedRows);
        Assert.Equal(2, droppedRows.Count);

        var (rejected, rejectedRows) = Ingest(Input, IngestFormat.JsonLines, policy: UnknownPropertyPolicy.RejectRow);
        Assert.Equal(1, rejected.AcceptedRows);
        Assert.Equal(1, rejected.Failures[0].RowNumber);
        Assert.Contains("Extra", rejected.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2L, Assert.Single(rejectedRows)[3]);
    }

    [Fact]
    public void Json_arrays_and_concatenated_objects_are_read_as_records()
    {
        var (result, rows) = Ingest("""[ {"L":1}, {"L":2,"S":"a ] } [ \" {"} ,{"L":3} ]""", IngestFormat.Json);
        Assert.Equal(3, result.AcceptedRows);
        Assert.Equal("a ] } [ \" {", rows[1][7]);

        var (result2, rows2) = Ingest("""{"L":1}{"L":2} {"L":"x"}""", IngestFormat.Json);
        Assert.Equal(2, result2.AcceptedRows);
        Assert.Equal(3, Assert.Single(result2.Failures).RowNumber);
        Assert.Equal(2, rows2.Count);
    }

    [Fact]
    public void Truncated_json_array_reports_the_unfinished_record()
    {
        var (result, rows) = Ingest("""[{"L":1},{"L":2""", IngestFormat.Json);
        Assert.Equal(1, result.AcceptedRows);
        Assert.Equal(2, Assert.Single(result.Failures).RowNumber);
        Assert.Single(rows);
    }

    [Fact]
    public void TimeGenerated_is_filled_from_ingestion_time_or_from_Timestamp()
    {
        var schema = new TableSchema("Times_CL", [
            new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
            new ColumnDefinition("Timestamp", ColumnType.DateTime),
            new ColumnDefinition("N", ColumnType.Long),
        ]);
        var (_, rows) = Ingest("""
            {"N":1}
            {"N":2,"Timestamp":"2024-02-01T00:00:00Z"}
            {"N":3,"TimeGenerated":"2024-02-02T00:00:00Z"}
            {"N":4,"TimeGenerated":null}
            """, IngestFormat.JsonLines, schema);
        Assert.Equal([Now.UtcDateTime, Now.UtcDateTime], rows[0][0..2]);
        Assert.Equal([Utc(2024, 2, 1), Utc(2024, 2, 1)], rows[1][0..2]);
        Assert.Equal([Utc(2024, 2, 2), Utc(2024, 2, 2)], rows[2][0..2]);
        Assert.Equal(Now.UtcDateTime, rows[3][0]);
    }

    [Fact]
    public void Ingestion_time_is_kept_per_row()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock(Now);
        using var ws = Workspace.Open(dir.Path, TestData.Options(clock));
        ws.CreateTable(Typed);
        ws.Ingest("Typed_CL", TestData.Utf8("{\"L\":1}"), IngestFormat.JsonLines);
        clock.Now = Now.AddMinutes(5);
        ws.Ingest("Typed_CL", TestData.Utf8("{\"L\":2}"), IngestFormat.JsonLines);
        ws.Compact(); // merges the two extents: per-row times must survive
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Typed_CL")!.Extents);
        using var block = new ColumnBlock();
        extent.ReadIngestionTimes(0, block);
        Assert.Equal([Now.UtcTicks, Now.AddMinutes(5).UtcTicks], block.Int64Values.ToArray());
        Assert.Equal(Now.UtcDateTime, extent.MinIngestionTime);
        Assert.Equal(Now.AddMinutes(5).UtcDateTime, extent.MaxIngestionTime);
    }

    [Fact]
    public void Csv_quoting_embedded_commas_quotes_and_newlines()
    {
        var schema = new TableSchema("Csv_CL", [
            new ColumnDefinition("S", ColumnType.String),
            new ColumnDefinition("L", ColumnType.Long),
            new ColumnDefinition("D", ColumnType.Dynamic),
        ]);
        var (result, rows) = Ingest("plain,1,\r\n\"a,b\",2,\"{\"\"x\"\":1}\"\n\"say \"\"hi\"\"\nthere\",3,[1]\n\"\",,\n", IngestFormat.Csv, schema);
        Assert.Equal(4, result.AcceptedRows);
        Assert.Equal(["plain", 1L, null], rows[0]);
        Assert.Equal(["a,b", 2L, """{"x":1}"""], rows[1]);
        Assert.Equal(["say \"hi\"\nthere", 3L, "[1]"], rows[2]);
        Assert.Equal([string.Empty, null, null], rows[3]); // missing CSV values: "" for string, null otherwise
    }

    [Fact]
    public void Csv_bad_rows_are_reported_by_row_number_and_short_rows_are_padded()
    {
        var schema = new TableSchema("Csv_CL", [
            new ColumnDefinition("S", ColumnType.String),
            new ColumnDefinition("L", ColumnType.Long),
            new ColumnDefinition("T", ColumnType.DateTime),
        ]);
        var (result, rows) = Ingest("a,1,2024-01-01\nb,x,2024-01-01\nc\nd,4,yesterday\ne,5,2024-01-02 10:00:00\n", IngestFormat.Csv, schema);
        Assert.Equal(3, result.AcceptedRows);
        Assert.Equal([2L, 4], result.Failures.Select(f => f.RowNumber));
        Assert.Equal(["c", null, null], rows[1]);
        Assert.Equal(Utc(2024, 1, 2, 10), rows[2][2]);
    }

    [Fact]
    public void Csv_with_header_maps_columns_by_name()
    {
        var schema = new TableSchema("Csv_CL", [
            new ColumnDefinition("S", ColumnType.String),
            new ColumnDefinition("L", ColumnType.Long),
        ]);
        var (result, rows) = Ingest("L,Ignored,S\n7,zzz,seven\n", IngestFormat.CsvWithHeader, schema);
        Assert.Equal(1, result.AcceptedRows);
        Assert.Equal(["seven", 7L], Assert.Single(rows));
    }

    [Fact]
    public void Built_in_tables_are_created_on_first_ingest_and_custom_tables_need_the_CL_suffix()
    {
        using var dir = new TempDirectory();
        var builtIn = new TableSchema("SecurityEvent", [new ColumnDefinition("TimeGenerated", ColumnType.DateTime), new ColumnDefinition("EventID", ColumnType.Int)]);
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now), builtIns: [builtIn]));
        Assert.Throws<ArgumentException>(() => ws.CreateTable(new TableSchema("Custom", [new ColumnDefinition("A", ColumnType.Long)])));
        Assert.Throws<ArgumentException>(() => ws.Ingest("Nope_CL", TestData.Utf8("{}"), IngestFormat.JsonLines));
        var result = ws.Ingest("SecurityEvent", TestData.Utf8("{\"EventID\":4624}"), IngestFormat.JsonLines);
        Assert.Equal(1, result.AcceptedRows);
        Assert.NotNull(ws.GetTable("SecurityEvent"));
    }

    [Fact]
    public void Large_input_streams_through_several_wal_batches_and_extents()
    {
        using var dir = new TempDirectory();
        var options = new WorkspaceOptions
        {
            BackgroundMaintenance = false,
            TimeProvider = new ManualClock(Now),
            WalBatchRows = 1000,
            FlushRows = 5000,
            BlockRows = 1024,
        };
        using var ws = Workspace.Open(dir.Path, options);
        ws.CreateTable(Typed);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 12_345; i++)
        {
            text.Append("{\"L\":").Append(i).Append(",\"S\":\"row ").Append(i % 100).Append("\"}\n");
        }

        var result = ws.Ingest("Typed_CL", TestData.Utf8(text.ToString()), IngestFormat.JsonLines);
        Assert.Equal(12_345, result.AcceptedRows);
        using var snapshot = ws.GetSnapshot();
        var table = snapshot.GetTable("Typed_CL")!;
        Assert.True(table.Extents.Count >= 2, $"{table.Extents.Count} extents"); // flushed at the row threshold while ingesting
        Assert.Equal(Enumerable.Range(0, 12_345).Select(i => (object?)(long)i), TestData.ReadRows(snapshot, "Typed_CL").Select(r => r[3]));
    }
}
