using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Engine;
using Vigil.Kql.Symbols;

namespace Vigil.Server.Kusto;

/// <summary>
/// The management commands <c>/v1/rest/mgmt</c> runs, each answering with one table as Kusto shapes it:
/// <c>.show tables</c>, <c>.show table T schema as json</c>, <c>.show table T cslschema</c>, <c>.show functions</c>,
/// <c>.show version</c>, <c>.show databases</c> (the workspace as one database) and <c>.show database schema as json</c>.
/// <c>.show tables</c> and the database schema list the tables the workspace holds; <c>.show table T</c> also knows the
/// built-in tables queries can name before any data arrives. Anything else is a Kusto-shaped error.
/// </summary>
internal static partial class ManagementCommands
{
    public static bool TryRun(string command, ServedWorkspace served, out KustoTable table, out KustoError error)
    {
        table = null!;
        error = null!;
        var text = command.Trim().TrimEnd(';').Trim();
        if (ShowTables().IsMatch(text))
        {
            table = Tables(served);
            return true;
        }

        if (ShowTableSchema().Match(text) is { Success: true } schemaMatch)
        {
            var name = Unquote(schemaMatch.Groups["name"].Value);
            if (!TryResolve(served, name, out var symbol))
            {
                error = KustoError.BadRequest($"Table '{name}' was not found in database '{served.DatabaseName}'.");
                return false;
            }

            table = schemaMatch.Groups["json"].Success ? TableSchemaJson(served, symbol) : TableCslSchema(served, symbol);
            return true;
        }

        if (ShowFunctions().IsMatch(text))
        {
            table = KustoTable.FromValues("Table_0", "PrimaryResult",
            [
                new("Name", ScalarType.String), new("Parameters", ScalarType.String), new("Body", ScalarType.String),
                new("Folder", ScalarType.String), new("DocString", ScalarType.String),
            ], []);
            return true;
        }

        if (ShowVersion().IsMatch(text))
        {
            table = Version();
            return true;
        }

        if (ShowDatabases().IsMatch(text))
        {
            table = Databases(served);
            return true;
        }

        if (ShowDatabaseSchema().Match(text) is { Success: true } databaseMatch)
        {
            var named = databaseMatch.Groups["name"];
            if (named.Success && !Unquote(named.Value).Equals(served.DatabaseName, StringComparison.OrdinalIgnoreCase))
            {
                error = KustoError.BadRequest($"Database '{Unquote(named.Value)}' was not found; this server serves '{served.DatabaseName}'.");
                return false;
            }

            table = DatabaseSchemaJson(served);
            return true;
        }

        var verb = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        error = KustoError.BadRequest(
            $"Vigil does not run the management command '{string.Join(' ', verb.Take(2))}'. It runs .show tables, .show table T schema as json, "
            + ".show table T cslschema, .show functions, .show version, .show databases and .show database schema as json.");
        return false;
    }

    private static KustoTable Tables(ServedWorkspace served)
    {
        var rows = new List<object?[]>();
        foreach (var table in served.Workspace?.Tables ?? [])
        {
            rows.Add([table.Name, served.DatabaseName, string.Empty, string.Empty]);
        }

        return KustoTable.FromValues("Table_0", "PrimaryResult",
        [
            new("TableName", ScalarType.String), new("DatabaseName", ScalarType.String), new("Folder", ScalarType.String),
            new("DocString", ScalarType.String),
        ], rows);
    }

    private static KustoTable TableSchemaJson(ServedWorkspace served, TableSymbol table) =>
        KustoTable.FromValues("Table_0", "PrimaryResult", SchemaColumns, [[table.Name, Json(w => WriteTableSchema(w, table, false)), served.DatabaseName, string.Empty, string.Empty]]);

    private static KustoTable TableCslSchema(ServedWorkspace served, TableSymbol table)
    {
        var schema = new StringBuilder();
        foreach (var column in table.Columns)
        {
            if (schema.Length > 0)
            {
                schema.Append(',');
            }

            schema.Append(IsPlainName(column.Name) ? column.Name : "['" + column.Name.Replace("'", "\\'", StringComparison.Ordinal) + "']")
                .Append(':').Append(KustoTypes.CslName(column.Type));
        }

        return KustoTable.FromValues("Table_0", "PrimaryResult", SchemaColumns, [[table.Name, schema.ToString(), served.DatabaseName, string.Empty, string.Empty]]);
    }

    private static readonly KustoColumn[] SchemaColumns =
    [
        new("TableName", ScalarType.String), new("Schema", ScalarType.String), new("DatabaseName", ScalarType.String),
        new("Folder", ScalarType.String), new("DocString", ScalarType.String),
    ];

    private static KustoTable Version()
    {
        var version = typeof(ManagementCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? typeof(ManagementCommands).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        // A single-file host has no assembly path; the build time is then unknown (null).
        var location = typeof(ManagementCommands).Assembly.Location;
        DateTime? build = location.Length > 0 && File.Exists(location) ? File.GetLastWriteTimeUtc(location) : null;
        return KustoTable.FromValues("Table_0", "PrimaryResult",
        [
            new("BuildVersion", ScalarType.String), new("BuildTime", ScalarType.DateTime), new("ServiceType", ScalarType.String),
            new("ProductVersion", ScalarType.String), new("ServiceOffering", ScalarType.String),
        ], [[version, build, "Engine", "Vigil " + version, """{"Type":"Vigil"}"""]]);
    }

    private static KustoTable Databases(ServedWorkspace served) =>
        KustoTable.FromValues("Table_0", "PrimaryResult",
        [
            new("DatabaseName", ScalarType.String), new("PersistentStorage", ScalarType.String), new("Version", ScalarType.String),
            new("IsCurrent", ScalarType.Bool), new("DatabaseAccessMode", ScalarType.String), new("PrettyName", ScalarType.String),
            new("ReservedSlot1", ScalarType.Bool), new("DatabaseId", ScalarType.Guid), new("InTransitionTo", ScalarType.String),
        ], [[served.DatabaseName, string.Empty, "v1.0", true, "ReadWrite", string.Empty, null, DatabaseId(served.DatabaseName), string.Empty]]);

    private static KustoTable DatabaseSchemaJson(ServedWorkspace served)
    {
        var json = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Plugins");
            writer.WriteEndArray();
            writer.WriteStartObject("Databases");
            writer.WriteStartObject(served.DatabaseName);
            writer.WriteString("Name", served.DatabaseName);
            writer.WriteStartObject("Tables");
            foreach (var stored in served.Workspace?.Tables ?? [])
            {
                var table = SchemaMapping.ToTableSymbol(stored);
                writer.WritePropertyName(table.Name);
                WriteTableSchema(writer, table, true);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("ExternalTables");
            writer.WriteEndObject();
            writer.WriteStartObject("MaterializedViews");
            writer.WriteEndObject();
            writer.WriteNumber("MajorVersion", 1);
            writer.WriteNumber("MinorVersion", 0);
            writer.WriteStartObject("Functions");
            writer.WriteEndObject();
            writer.WriteString("DatabaseAccessMode", "ReadWrite");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return KustoTable.FromValues("Table_0", "PrimaryResult", [new("DatabaseSchema", ScalarType.String)], [[json]]);
    }

    private static void WriteTableSchema(Utf8JsonWriter writer, TableSymbol table, bool inDatabase)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", table.Name);
        if (inDatabase)
        {
            writer.WriteString("EntityType", "Table");
        }

        writer.WriteStartArray("OrderedColumns");
        foreach (var column in table.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", column.Name);
            writer.WriteString("Type", KustoTypes.ClrName(column.Type));
            writer.WriteString("CslType", KustoTypes.CslName(column.Type));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (inDatabase)
        {
            writer.WriteString("Folder", string.Empty);
            writer.WriteString("DocString", string.Empty);
        }

        writer.WriteEndObject();
    }

    private static bool TryResolve(ServedWorkspace served, string name, out TableSymbol table)
    {
        if (served.Workspace?.GetTable(name) is { } stored)
        {
            table = SchemaMapping.ToTableSymbol(stored);
            return true;
        }

        return BuiltInTables.TryGet(name, out table!);
    }

    private static Guid DatabaseId(string name) =>
        new(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A name as written in a command: bare, or bracketed and quoted (<c>['My Table']</c>, <c>["T"]</c>).</summary>
    private static string Unquote(string name) =>
        name.StartsWith('[') && name.Length >= 4 ? name[2..^2] : name;

    private const string Name = """(?<name>\[(?:'[^']*'|"[^"]*")\]|[A-Za-z_][\w\-]*)""";

    [GeneratedRegex(@"^\.show\s+tables$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowTables();

    [GeneratedRegex(@"^\.show\s+table\s+" + Name + @"\s+(?:(?<json>schema\s+as\s+json)|cslschema)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowTableSchema();

    [GeneratedRegex(@"^\.show\s+functions$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowFunctions();

    [GeneratedRegex(@"^\.show\s+version$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowVersion();

    [GeneratedRegex(@"^\.show\s+databases$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowDatabases();

    [GeneratedRegex(@"^\.show\s+database\s+(?:" + Name + @"\s+)?schema\s+as\s+json$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowDatabaseSchema();
}
