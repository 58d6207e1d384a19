using Xunit.Sdk;

namespace Vigil.Testing;

/// <summary>
/// Golden files: expected outputs (query results, plans, diagnostics) kept as text files next to the tests.
/// A mismatch fails the test and writes the actual output beside the expected one as <c>NAME.actual</c>.
/// Set <c>VIGIL_ACCEPT_GOLDEN=1</c> to (re)write the expected files instead; review the diff before committing.
/// </summary>
public sealed class GoldenFiles
{
    private const string AcceptVariable = "VIGIL_ACCEPT_GOLDEN";

    private GoldenFiles(string directory) => Directory = directory;

    /// <summary>The folder that holds this set of golden files.</summary>
    public string Directory { get; }

    /// <summary>Golden files under <c>tests/{testProject}/{folder}</c>.</summary>
    public static GoldenFiles For(string testProject, string folder = "golden") =>
        new(Path.Combine(RepositoryPaths.Root, "tests", testProject, folder));

    /// <summary>Golden files in an explicit folder.</summary>
    public static GoldenFiles At(string directory) => new(Path.GetFullPath(directory));

    /// <summary>True when the run was asked to rewrite expected files.</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Compares <paramref name="actual"/> with the golden file <paramref name="name"/> (a relative path).</summary>
    public void Verify(string name, string actual)
    {
        var expectedPath = Path.Combine(Directory, name);
        var actualPath = expectedPath + ".actual";
        var normalized = Normalize(actual);
        if (Accepting)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, normalized);
            File.Delete(actualPath);
            return;
        }

        if (!File.Exists(expectedPath))
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(actualPath, normalized);
            throw new XunitException(
                $"Golden file '{expectedPath}' does not exist. The actual output is in '{actualPath}'; " +
                $"run the tests with {AcceptVariable}=1 to accept it.");
        }

        var expected = Normalize(File.ReadAllText(expectedPath));
        if (expected == normalized)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, normalized);
        throw new XunitException(
            $"Output differs from golden file '{expectedPath}' {DescribeFirstDifference(expected, normalized)}. " +
            $"Actual output written to '{actualPath}'; run with {AcceptVariable}=1 to accept it.");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    private static string DescribeFirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"at line {i + 1}: expected \"{el}\" but got \"{al}\"";
            }
        }

        return "(in line endings only)";
    }
}
