namespace Vigil.Testing;

/// <summary>
/// Finds the repository root and the <c>shared</c> folder that lives beside it (<c>../shared</c> from the root).
/// Tests must fail with a clear message, not a NullReferenceException, when either is missing.
/// </summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Vigil.slnx";
    private const string SharedVariable = "VIGIL_SHARED";

    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds <c>Vigil.slnx</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>
    /// The shared folder: <c>$VIGIL_SHARED</c> when set, otherwise <c>../shared</c> beside the repository root.
    /// Throws with a message that names the path looked at when it does not exist.
    /// </summary>
    public static string Shared
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(SharedVariable);
            var path = string.IsNullOrEmpty(fromEnvironment)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared"))
                : Path.GetFullPath(fromEnvironment);
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"The shared folder was not found at '{path}'. Vigil's tests read the shared material " +
                    $"(schemas, corpus, conformance) from ../shared beside the repository root; " +
                    $"put it there or set {SharedVariable}.");
            }

            return path;
        }
    }

    /// <summary>A file under the shared folder, e.g. <c>SharedFile("corpus", "m365d-hunting.jsonl")</c>.</summary>
    public static string SharedFile(params string[] parts)
    {
        var path = Path.Combine([Shared, .. parts]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The shared file '{path}' does not exist; is ../shared complete?", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"The repository root (the folder with {SolutionFile}) was not found above '{AppContext.BaseDirectory}'.");
    }
}
