using System.Xml.Linq;
using Vigil.Testing;

namespace Vigil.Architecture.Tests;

/// <summary>
/// Dependencies between Vigil's projects point down only (docs/ARCHITECTURE.md). The layer map below is the
/// single source of that rule: a new project must be placed in it, and in the architecture document, first.
/// </summary>
public sealed class LayeringTests
{
    // Same number = same layer; a project may reference only projects of a strictly lower layer.
    private static readonly Dictionary<string, int> Layers = new()
    {
        ["Vigil.Kql"] = 0,
        ["Vigil.Storage"] = 0,
        ["Vigil.Engine"] = 1,
        ["Vigil.Simulator"] = 1,
        ["Vigil.Soc"] = 2,
        ["Vigil.Server"] = 3,
        ["Vigil.Cli"] = 4,
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var name in Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName).Order())
        {
            data.Add(name!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Every_source_project_has_a_layer(string project)
    {
        Assert.True(Layers.ContainsKey(project),
            $"src/{project} is not in the layer map; place it in docs/ARCHITECTURE.md and in {nameof(LayeringTests)}.");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Source_projects_reference_only_lower_layers(string project)
    {
        var layer = Layers[project];
        foreach (var reference in ProjectReferences(project))
        {
            Assert.True(Layers.TryGetValue(reference, out var referencedLayer),
                $"{project} references {reference}, which is not a Vigil source project.");
            Assert.True(referencedLayer < layer,
                $"{project} (layer {layer}) references {reference} (layer {referencedLayer}); dependencies must point down.");
        }
    }

    [Fact]
    public void Storage_and_language_do_not_know_each_other()
    {
        Assert.DoesNotContain("Vigil.Storage", ProjectReferences("Vigil.Kql"));
        Assert.DoesNotContain("Vigil.Kql", ProjectReferences("Vigil.Storage"));
    }

    [Fact]
    public void The_simulator_writes_through_storage_only()
    {
        // It generates rows for the ingestion API; the engine, the SOC and the server are its consumers, never its tools.
        Assert.Equal(["Vigil.Storage"], ProjectReferences("Vigil.Simulator"));
    }

    [Fact]
    public void The_rule_rejects_an_upward_reference()
    {
        // The check itself must be able to fail: an engine that referenced the server would be caught.
        var violations = Violations("Vigil.Engine", ["Vigil.Kql", "Vigil.Server"]);
        Assert.Equal(["Vigil.Server"], violations);
    }

    [Fact]
    public void Test_projects_mirror_source_projects()
    {
        var tests = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "tests")).Select(Path.GetFileName).ToHashSet();
        foreach (var (project, _) in Layers)
        {
            if (File.Exists(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj")) &&
                Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories)
                    .Any(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                Assert.True(tests.Contains(project + ".Tests"), $"src/{project} has code but no tests/{project}.Tests project.");
            }
        }
    }

    private static List<string> Violations(string project, IEnumerable<string> references) =>
        references.Where(r => !Layers.TryGetValue(r, out var l) || l >= Layers[project]).ToList();

    private static List<string> ProjectReferences(string project)
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
        var document = XDocument.Load(path);
        return document.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }
}
