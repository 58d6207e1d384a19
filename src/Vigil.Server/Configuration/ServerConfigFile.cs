using System.Globalization;
using System.Text.Json;

namespace Vigil.Server.Configuration;

/// <summary>
/// Reads <c>vigil serve --config FILE</c>: one JSON object (format in <c>src/Vigil.Server/README.md</c>). Relative
/// paths are relative to the file's folder. Unknown settings are errors, so a misspelt one is not silently ignored.
/// </summary>
internal static class ServerConfigFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static VigilServerOptions Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigurationException($"cannot read the configuration '{path}': {e.Message}", e);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Read(document.RootElement, folder);
        }
        catch (JsonException e)
        {
            throw new ServerConfigurationException($"the configuration '{path}' is not valid JSON: {e.Message}", e);
        }
        catch (ServerConfigurationException e)
        {
            throw new ServerConfigurationException($"the configuration '{path}': {e.Message}", e);
        }
    }

    /// <summary>Reads the settings object; <paramref name="folder"/> anchors relative paths.</summary>
    public static VigilServerOptions Read(JsonElement root, string folder)
    {
        RequireObject(root, "the configuration");
        var options = new VigilServerOptions { ConfigDirectory = folder };
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            options = property.Name switch
            {
                "urls" => options with { Urls = ReadUrls(value) },
                "data" => options with { DataDirectory = ReadPath(value, folder, "data") },
                "stateDirectory" => options with { StateDirectory = ReadPath(value, folder, "stateDirectory") },
                "workspaceId" => options with { WorkspaceId = ReadGuid(value, "workspaceId") },
                "certificate" => options with { Certificate = ReadCertificate(value, folder) },
                "authentication" => options with { Authentication = ReadAuthentication(value) },
                "sharedKeys" => options with { SharedKeys = ReadSharedKeys(value) },
                "limits" => options with { Limits = ReadLimits(value) },
                _ => throw Unknown(property.Name, "urls, data, stateDirectory, workspaceId, certificate, authentication, sharedKeys, limits"),
            };
        }

        return options;
    }

    private static string ReadUrls(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var urls = value.EnumerateArray().Select(u => ReadString(u, "urls[]")).ToArray();
            if (urls.Length == 0)
            {
                throw new ServerConfigurationException("'urls' names no address");
            }

            return string.Join(';', urls);
        }

        return ReadString(value, "urls");
    }

    /// <summary>An object naming the certificate, or <c>"self-signed"</c> (the same as leaving it out).</summary>
    private static CertificateOptions? ReadCertificate(JsonElement value, string folder)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() == "self-signed")
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ServerConfigurationException("'certificate' must be \"self-signed\" or an object with 'path' (and 'keyPath', 'password')");
        }

        string? path = null, keyPath = null, password = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "path":
                    path = ReadPath(property.Value, folder, "certificate.path");
                    break;
                case "keyPath":
                    keyPath = ReadPath(property.Value, folder, "certificate.keyPath");
                    break;
                case "password":
                    password = ReadString(property.Value, "certificate.password");
                    break;
                default:
                    throw Unknown("certificate." + property.Name, "path, keyPath, password");
            }
        }

        return new CertificateOptions(path ?? throw new ServerConfigurationException("'certificate' needs a 'path'"), keyPath, password);
    }

    private static AuthenticationOptions ReadAuthentication(JsonElement value)
    {
        RequireObject(value, "authentication");
        var options = new AuthenticationOptions();
        foreach (var property in value.EnumerateObject())
        {
            var item = property.Value;
            options = property.Name switch
            {
                "authority" => options with { Authority = ReadHttpUrl(item, "authentication.authority") },
                "audience" => options with { Audience = ReadString(item, "authentication.audience") },
                "validIssuers" => options with { ValidIssuers = ReadStrings(item, "authentication.validIssuers") },
                "localTokens" => options with { LocalTokens = ReadBool(item, "authentication.localTokens") },
                "requireHttpsMetadata" => options with { RequireHttpsMetadata = ReadBool(item, "authentication.requireHttpsMetadata") },
                _ => throw Unknown("authentication." + property.Name, "authority, audience, validIssuers, localTokens, requireHttpsMetadata"),
            };
        }

        if (options.Authority is not null && options.Audience is null)
        {
            throw new ServerConfigurationException("'authentication.authority' needs an 'audience' (the application id URI or client id tokens are issued for)");
        }

        if (options.Authority is null && !options.LocalTokens)
        {
            throw new ServerConfigurationException("'authentication' accepts no token at all: set an 'authority' or leave 'localTokens' true");
        }

        return options;
    }

    private static string[] ReadSharedKeys(JsonElement value)
    {
        var keys = ReadStrings(value, "sharedKeys");
        foreach (var key in keys)
        {
            var buffer = new byte[key.Length];
            if (!Convert.TryFromBase64String(key, buffer, out var length) || length == 0)
            {
                throw new ServerConfigurationException("'sharedKeys' holds a key that is not base64 (workspace keys are base64, as the portal shows them)");
            }
        }

        return keys;
    }

    private static ServerLimits ReadLimits(JsonElement value)
    {
        RequireObject(value, "limits");
        var limits = new ServerLimits();
        foreach (var property in value.EnumerateObject())
        {
            var name = "limits." + property.Name;
            var item = property.Value;
            limits = property.Name switch
            {
                "concurrentQueriesPerPrincipal" => limits with { ConcurrentQueriesPerPrincipal = (int)ReadCount(item, name, 1) },
                "queuedQueriesPerPrincipal" => limits with { QueuedQueriesPerPrincipal = (int)ReadCount(item, name, 0) },
                "queueTimeoutSeconds" => limits with { QueueTimeout = TimeSpan.FromSeconds(ReadCount(item, name, 1)) },
                "queriesPerWindow" => limits with { QueriesPerWindow = (int)ReadCount(item, name, 1) },
                "rateWindowSeconds" => limits with { RateWindow = TimeSpan.FromSeconds(ReadCount(item, name, 1)) },
                "maxQueryBodyBytes" => limits with { MaxQueryBodyBytes = ReadCount(item, name, 1, long.MaxValue) },
                "maxRequestBodyBytes" => limits with { MaxRequestBodyBytes = ReadCount(item, name, 1, long.MaxValue) },
                _ => throw Unknown(name, "concurrentQueriesPerPrincipal, queuedQueriesPerPrincipal, queueTimeoutSeconds, queriesPerWindow, rateWindowSeconds, maxQueryBodyBytes, maxRequestBodyBytes"),
            };
        }

        return limits;
    }

    private static long ReadCount(JsonElement value, string name, long minimum, long maximum = int.MaxValue)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < minimum || number > maximum)
        {
            throw new ServerConfigurationException(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {minimum} to {maximum}"));
        }

        return number;
    }

    private static Guid ReadGuid(JsonElement value, string name) =>
        Guid.TryParse(ReadString(value, name), out var id)
            ? id
            : throw new ServerConfigurationException($"'{name}' must be a GUID (Log Analytics addresses a workspace by its id)");

    private static string ReadHttpUrl(JsonElement value, string name)
    {
        var text = ReadString(value, name);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? text
            : throw new ServerConfigurationException($"'{name}' must be an absolute https URL");
    }

    private static string ReadPath(JsonElement value, string folder, string name) =>
        Path.GetFullPath(ReadString(value, name), folder);

    private static string[] ReadStrings(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => ReadString(v, name + "[]")).ToArray()
            : throw new ServerConfigurationException($"'{name}' must be an array of strings");

    private static string ReadString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new ServerConfigurationException($"'{name}' must be a non-empty string");

    private static bool ReadBool(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ServerConfigurationException($"'{name}' must be true or false"),
    };

    private static void RequireObject(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ServerConfigurationException($"{(name.StartsWith("the ", StringComparison.Ordinal) ? name : $"'{name}'")} must be a JSON object");
        }
    }

    private static ServerConfigurationException Unknown(string name, string known) =>
        new($"unknown setting '{name}' (known: {known})");
}
