namespace Vigil.Benchmarks;

/// <summary>Finds the shared material (../shared beside the repository root, or $VIGIL_SHARED).</summary>
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("VIGIL_SHARED");
        var shared = string.IsNullOrEmpty(fromEnvironment) ? System.IO.Path.Combine(FindRoot(), "..", "shared") : fromEnvironment;
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([shared, .. parts]));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The shared file '{path}' does not exist; put ../shared beside the repository or set VIGIL_SHARED.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"The repository root (with Vigil.slnx) was not found above '{AppContext.BaseDirectory}'.");
    }
}
