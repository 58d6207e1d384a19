using Vigil.Testing;
using Xunit.Sdk;

namespace Vigil.Architecture.Tests;

public sealed class TestInfrastructureTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("vigil-golden-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Shared_folder_is_found_beside_the_repository()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Shared, "schemas", "tables.json")));
    }

    [Fact]
    public void Missing_shared_file_names_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => RepositoryPaths.SharedFile("no-such-folder", "x.json"));
        Assert.Contains("no-such-folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Golden_file_that_matches_passes_and_leaves_no_actual_file()
    {
        File.WriteAllText(Path.Combine(_scratch, "a.txt"), "x\ny\n");
        GoldenFiles.At(_scratch).Verify("a.txt", "x\r\ny\r\n");
        Assert.False(File.Exists(Path.Combine(_scratch, "a.txt.actual")));
    }

    [Fact]
    public void Golden_file_mismatch_fails_with_the_first_differing_line_and_writes_actual()
    {
        if (GoldenFiles.Accepting)
        {
            return; // accepting rewrites instead of comparing
        }

        File.WriteAllText(Path.Combine(_scratch, "b.txt"), "same\nexpected\n");
        var e = Assert.Throws<XunitException>(() => GoldenFiles.At(_scratch).Verify("b.txt", "same\nactual\n"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Equal("same\nactual\n", File.ReadAllText(Path.Combine(_scratch, "b.txt.actual")));
    }

    [Fact]
    public void Missing_golden_file_fails_and_says_how_to_accept()
    {
        if (GoldenFiles.Accepting)
        {
            return;
        }

        var e = Assert.Throws<XunitException>(() => GoldenFiles.At(_scratch).Verify("new.txt", "v"));
        Assert.Contains("VIGIL_ACCEPT_GOLDEN=1", e.Message, StringComparison.Ordinal);
    }
}
