using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The server's data collection rules, by ARM resource id and by immutable id. Rules are kept as their ARM documents
/// under <c>DATA/data-collection-rules/&lt;immutableId&gt;.json</c> (written atomically) and loaded at start, so they
/// survive restarts; without a data directory they live in memory only.
/// </summary>
internal sealed class DataCollectionRuleStore
{
    private const string Folder = "data-collection-rules";

    private readonly object _lock = new();
    private readonly Dictionary<string, DataCollectionRule> _byResourceId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DataCollectionRule> _byImmutableId = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _directory;

    /// <summary>Problems met while loading stored rules (a rule that no longer reads is skipped, not fatal).</summary>
    public IReadOnlyList<string> LoadProblems { get; }

    public DataCollectionRuleStore(string? dataDirectory)
    {
        var problems = new List<string>();
        if (dataDirectory is not null)
        {
            _directory = Path.Combine(dataDirectory, Folder);
            Directory.CreateDirectory(_directory);
            foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
            {
                try
                {
                    if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject resource
                        || resource["id"]?.GetValue<string>() is not { } id
                        || resource["name"]?.GetValue<string>() is not { } name
                        || resource["properties"]?["immutableId"]?.GetValue<string>() is not { } immutableId)
                    {
                        problems.Add($"{path}: not a stored data collection rule (no id, name or properties.immutableId)");
                    }
                    else if (DataCollectionRule.TryParse(id, name, immutableId, resource, out var rule, out var error))
                    {
                        Add(rule);
                    }
                    else
                    {
                        problems.Add($"{path}: {error}");
                    }
                }
                catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException)
                {
                    problems.Add($"{path}: {e.Message}");
                }
            }
        }

        LoadProblems = problems;
    }

    public DataCollectionRule? FindByImmutableId(string immutableId)
    {
        lock (_lock)
        {
            return _byImmutableId.GetValueOrDefault(immutableId);
        }
    }

    public DataCollectionRule? FindByResourceId(string resourceId)
    {
        lock (_lock)
        {
            return _byResourceId.GetValueOrDefault(resourceId);
        }
    }

    /// <summary>The immutable id a rule at <paramref name="resourceId"/> has or gets (<c>dcr-</c> and 32 hex digits, as Azure's).</summary>
    public string ImmutableIdFor(string resourceId)
    {
        lock (_lock)
        {
            return _byResourceId.TryGetValue(resourceId, out var existing)
                ? existing.ImmutableId
                : "dcr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
    }

    /// <summary>Creates or replaces a rule (durably when there is a data directory); true when it was new.</summary>
    public bool Put(DataCollectionRule rule)
    {
        lock (_lock)
        {
            if (_directory is not null)
            {
                var path = Path.Combine(_directory, rule.ImmutableId + ".json");
                var temporary = path + ".tmp";
                using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
                    {
                        rule.Resource.WriteTo(writer);
                    }

                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }

            var created = !_byResourceId.ContainsKey(rule.ResourceId);
            Add(rule);
            return created;
        }
    }

    public bool Delete(string resourceId)
    {
        lock (_lock)
        {
            if (!_byResourceId.Remove(resourceId, out var rule))
            {
                return false;
            }

            _byImmutableId.Remove(rule.ImmutableId);
            if (_directory is not null)
            {
                File.Delete(Path.Combine(_directory, rule.ImmutableId + ".json"));
            }

            return true;
        }
    }

    private void Add(DataCollectionRule rule)
    {
        _byResourceId[rule.ResourceId] = rule;
        _byImmutableId[rule.ImmutableId] = rule;
    }
}
