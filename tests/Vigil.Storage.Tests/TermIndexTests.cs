namespace Vigil.Storage.Tests;

public sealed class TermIndexTests
{
    [Fact]
    public void Tokenizer_splits_on_everything_but_ascii_letters_and_digits()
    {
        Assert.Equal(
            ["Kusto", "ad67d136", "c1db", "4f9f", "88ef", "d94f3b6b0b5a", "KustoExplorerQueryRun"],
            KustoTermTokenizer.Tokenize("Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun"));
        Assert.Equal(["C", "Windows", "System32", "cmd", "exe", "c", "whoami"], KustoTermTokenizer.Tokenize(@"C:\Windows\System32\cmd.exe /c whoami"));
        Assert.Equal(["caf", "au", "lait"], KustoTermTokenizer.Tokenize("café_au-lait"));
        Assert.Empty(KustoTermTokenizer.Tokenize(" -- "));
        Assert.True(KustoTermTokenizer.IsSingleTerm("mimikatz"));
        Assert.False(KustoTermTokenizer.IsSingleTerm("mimi katz"));
    }

    [Fact]
    public void Byte_and_char_term_rules_agree()
    {
        for (var b = 0; b < 256; b++)
        {
            Assert.Equal(b < 128 && KustoTermTokenizer.IsTermChar((char)b), KustoTermTokenizer.IsTermByte((byte)b));
        }
    }

    [Fact]
    public void Blocks_without_a_term_are_skipped_and_blocks_with_it_are_not()
    {
        using var dir = new TempDirectory();
        var schema = new TableSchema("Proc_CL", [
            new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
            new ColumnDefinition("CommandLine", ColumnType.String),
            new ColumnDefinition("FileName", ColumnType.String),
        ]);
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), blockRows: 100));
        ws.CreateTable(schema);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            var command = i == 250 ? @"C:\\Temp\\MimiKatz.exe privilege::debug" : $"svchost.exe -k netsvcs -p -s Svc{i % 7} /token:{i:x6}";
            text.Append("{\"CommandLine\":\"").Append(command).Append("\",\"FileName\":\"").Append(i == 250 ? "mimikatz.exe" : "svchost.exe").Append("\"}\n");
        }

        ws.Ingest("Proc_CL", TestData.Utf8(text.ToString()), IngestFormat.JsonLines);
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Proc_CL")!.Extents);
        Assert.True(extent.IsDictionaryEncoded(2));
        Assert.False(extent.IsDictionaryEncoded(1));
        foreach (var column in new[] { 1, 2 })
        {
            var hits = Enumerable.Range(0, extent.BlockCount).Where(b => extent.BlockMayContainTerm(column, b, "MIMIKATZ")).ToList();
            Assert.Contains(2, hits); // no false negatives
            Assert.True(hits.Count <= 2, $"column {column}: blocks {string.Join(",", hits)} may contain mimikatz");
        }

        for (var b = 0; b < extent.BlockCount; b++)
        {
            Assert.True(extent.BlockMayContainTerm(1, b, "netsvcs"));
            Assert.True(extent.BlockMayContainTerm(1, b, "-k")); // not a single term: cannot rule out
            Assert.True(extent.BlockMayContainTerm(1, b, "Sv")); // too short for the index
        }

        Assert.False(extent.MayContainTerm(1, "antimimikatz"));
        Assert.True(extent.MayContainTerm(1, "privilege"));
    }

    [Fact]
    public void Dictionary_blocks_expose_codes_and_shared_values()
    {
        using var dir = new TempDirectory();
        var schema = new TableSchema("Dict_CL", [new ColumnDefinition("S", ColumnType.String)]);
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), blockRows: 64));
        ws.CreateTable(schema);
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"S\":\"{(i % 3 == 0 ? "alpha" : "beta")}\"}}\n"));
        ws.Ingest("Dict_CL", TestData.Utf8(text), IngestFormat.JsonLines);
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Dict_CL")!.Extents);
        using var block = new ColumnBlock();
        extent.ReadBlock(0, 1, block);
        Assert.True(block.IsDictionaryEncoded);
        Assert.Equal(2, block.Dictionary!.Count);
        Assert.Equal(64, block.DictionaryCodes.Length);
        Assert.Equal("beta", block.Dictionary[block.DictionaryCodes[0]]); // row 64
        Assert.Equal("alpha", block.Dictionary[block.DictionaryCodes[2]]); // row 66
        Assert.True(block.Utf8Bytes.IsEmpty);
    }
}
