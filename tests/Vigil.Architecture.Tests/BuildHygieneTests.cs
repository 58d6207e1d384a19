using System.Text.Json;
using System.Xml.Linq;
using Vigil.Testing;

namespace Vigil.Architecture.Tests;

/// <summary>The build settings that DEVELOPERS.md requires stay in place.</summary>
public sealed class BuildHygieneTests
{
    [Fact]
    public void Root_props_enable_nullable_warnings_as_errors_and_analyzers()
    {
        var props = Properties("Directory.Build.props");
        Assert.Equal("net10.0", props["TargetFramework"]);
        Assert.Equal("enable", props["Nullable"]);
        Assert.Equal("true", props["TreatWarningsAsErrors"]);
        Assert.Equal("true", props["EnableNETAnalyzers"]);
        Assert.Equal("true", props["Deterministic"]);
    }

    [Fact]
    public void Sdk_is_pinned_to_the_10_line()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "global.json")));
        var version = json.RootElement.GetProperty("sdk").GetProperty("version").GetString();
        Assert.StartsWith("10.0.", version, StringComparison.Ordinal);
    }

    [Fact]
    public void Microsoft_packages_stay_on_a_line_that_runs_on_net10()
    {
        var document = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        foreach (var package in document.Descendants("PackageVersion"))
        {
            var id = package.Attribute("Include")!.Value;
            var version = package.Attribute("Version")!.Value;
            if (id.StartsWith("Microsoft.", StringComparison.Ordinal) && id != "Microsoft.NET.Test.Sdk")
            {
                var major = int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(major <= 10, $"{id} {version} is past the 10.x line; pin 10.x (11.x needs net11).");
            }
        }
    }

    [Fact]
    public void Projects_do_not_set_package_versions_themselves()
    {
        foreach (var csproj in Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories))
        {
            if (csproj.Contains("/node_modules/", StringComparison.Ordinal))
            {
                continue;
            }

            var document = XDocument.Load(csproj);
            foreach (var reference in document.Descendants("PackageReference"))
            {
                Assert.True(reference.Attribute("Version") is null,
                    $"{csproj} sets a version on {reference.Attribute("Include")?.Value}; versions live in Directory.Packages.props.");
            }
        }
    }

    private static Dictionary<string, string> Properties(string file)
    {
        var document = XDocument.Load(Path.Combine(RepositoryPaths.Root, file));
        var result = new Dictionary<string, string>();
        foreach (var group in document.Root!.Elements("PropertyGroup").Where(g => g.Attribute("Condition") is null))
        {
            foreach (var property in group.Elements())
            {
                result[property.Name.LocalName] = property.Value;
            }
        }

        return result;
    }
}
