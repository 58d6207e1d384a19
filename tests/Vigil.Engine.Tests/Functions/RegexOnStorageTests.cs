using Vigil.Engine.Tests.Query;

namespace Vigil.Engine.Tests.Functions;

/// <summary><c>matches regex</c> over dictionary-encoded columns of a real workspace (the per-value memo).</summary>
public class RegexOnStorageTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    [Fact]
    public void Matches_regex_on_a_dictionary_column_agrees_with_equality()
    {
        var byRegex = QueryRunner.Rows(QueryRunner.Run("Events_CL | where Computer matches regex @'^host-[34]$' | summarize count() by Computer | sort by Computer asc", fixture.Engine));
        var byEquality = QueryRunner.Rows(QueryRunner.Run("Events_CL | where Computer in ('host-3', 'host-4') | summarize count() by Computer | sort by Computer asc", fixture.Engine));
        Assert.Equal(["host-3 | 429", "host-4 | 428"], byRegex);
        Assert.Equal(byEquality, byRegex);
    }

    [Fact]
    public void Extract_on_a_dictionary_column_reads_each_row()
    {
        var rows = QueryRunner.Rows(QueryRunner.Run("Events_CL | extend n = extract(@'host-(\\d+)', 1, Computer, typeof(long)) | where n == 3 | count", fixture.Engine));
        Assert.Equal(["429"], rows);
    }

    [Fact]
    public void Kernels_over_a_dictionary_column_match_the_same_kernels_over_plain_strings()
    {
        // strcat(Computer, '') is a plain string column: the per-row path; Computer itself takes the per-value path.
        var query = "Events_CL | summarize by Computer, r = reverse({0}), t = trim_start('host-', {0}), h = hash({0}, 7) | sort by Computer asc";
        var perValue = QueryRunner.Rows(QueryRunner.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, "Computer"), fixture.Engine));
        var perRow = QueryRunner.Rows(QueryRunner.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, "strcat(Computer, '')"), fixture.Engine));
        Assert.NotEmpty(perValue);
        Assert.Equal(perRow, perValue);
    }
}
