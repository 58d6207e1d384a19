using System.Text;
using Vigil.Kql.Syntax;
using Vigil.Kql.Tests.Corpus;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Parsing;

/// <summary>Whole trees of a few large real queries (and a broken one), kept as golden files.
/// Refresh with VIGIL_ACCEPT_GOLDEN=1 and review the diff.</summary>
public sealed class GoldenTreeTests
{
    private static readonly GoldenFiles Golden = GoldenFiles.For("Vigil.Kql.Tests", Path.Combine("Parsing", "golden"));

    [Theory]
    [InlineData("Campaigns/Abuse.ch Recent Threat Feed.md", "abuse-ch-threat-feed.txt")]
    [InlineData("Webcasts/Ignite 2020 - Best practices for hunting across domains with Microsoft 365 Defender.txt", "ignite-2020-broken.txt")]
    [InlineData("Execution/detect-anomalous-process-trees.md", "anomalous-process-trees.txt")]
    public void Corpus_query_tree_matches_its_golden_file(string path, string goldenName)
    {
        var query = CorpusQueries.All.First(q => q.Path == path &&
            (goldenName != "ignite-2020-broken.txt" || q.Name.EndsWith("#10", StringComparison.Ordinal)));
        Golden.Verify(goldenName, Describe(query.Text));
    }

    [Fact]
    public void Operator_zoo_tree_matches_its_golden_file()
    {
        const string text = """
            set notruncation;
            declare query_parameters (lookback:timespan = 7d);
            let Threshold = 3;
            let Suspicious = (T:(DeviceId:string, Timestamp:datetime), n:long = 5) {
                T | summarize c = count() by DeviceId | where c > n
            };
            let Hosts = materialize(DeviceInfo | distinct DeviceId, DeviceName);
            union withsource=Table DeviceProcessEvents, (DeviceNetworkEvents | where RemotePort in (443, 80))
            | where Timestamp between (ago(lookback) .. now()) and ProcessCommandLine has_any ("-enc", "-e ")
            | parse kind=regex ProcessCommandLine with * "user=" User:string " " *
            | mv-expand with_itemindex=i Tag = parse_json(AdditionalFields).Tags to typeof(string) limit 10
            | make-series Count = count() default = 0 on Timestamp from ago(7d) to now() step 1h by DeviceId
            | top-nested 3 of DeviceId by sum(Count), top-nested 2 of User with others = "other" by count() desc
            | lookup kind=leftouter Hosts on DeviceId
            | render timechart with (title = "Process starts", ytitle = "count")
            """;
        Golden.Verify("operator-zoo.txt", Describe(text));
    }

    private static string Describe(string text)
    {
        var tree = SyntaxTree.Parse(text);
        var builder = new StringBuilder();
        foreach (var diagnostic in tree.Diagnostics)
        {
            builder.Append("// ").Append(tree.LineMap.GetPosition(diagnostic.Start)).Append(' ')
                .Append(diagnostic.Code).Append(' ').Append(diagnostic.Message).Append('\n');
        }

        builder.Append(SyntaxDumper.Dump(tree.Root, indented: true)).Append('\n');
        return builder.ToString();
    }
}
