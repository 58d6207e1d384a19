using System.Text;
using System.Web;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>Per-row rules of the text parsers that build values: URLs, query strings, file paths, versions, command lines, CSV records.</summary>
internal static class ParseKernels
{
    /// <summary>Each part of a <c>parse_version</c> value holds up to 8 digits.</summary>
    private const int VersionPartDigits = 8;

    /// <summary>
    /// <c>parse_url(url)</c>: Scheme, Host, Port, Path, Username, Password, Query Parameters and Fragment (empty
    /// strings for absent parts; all empty when the text has no <c>scheme://</c>).
    /// </summary>
    public static ScalarValue ParseUrl(ReadOnlySpan<ScalarValue> a)
    {
        var url = a[0].String;
        string scheme = string.Empty, host = string.Empty, port = string.Empty, path = string.Empty;
        string user = string.Empty, password = string.Empty, fragment = string.Empty, query = string.Empty;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            scheme = url[..schemeEnd];
            var rest = url[(schemeEnd + 3)..];
            var hash = rest.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                fragment = rest[(hash + 1)..];
                rest = rest[..hash];
            }

            var question = rest.IndexOf('?', StringComparison.Ordinal);
            if (question >= 0)
            {
                query = rest[(question + 1)..];
                rest = rest[..question];
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash >= 0 ? rest[..slash] : rest;
            path = slash >= 0 ? rest[(slash + 1)..] : string.Empty;
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                var userInfo = authority[..at];
                authority = authority[(at + 1)..];
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                user = colon >= 0 ? userInfo[..colon] : userInfo;
                password = colon >= 0 ? userInfo[(colon + 1)..] : string.Empty;
            }

            var portColon = authority.LastIndexOf(':');
            if (portColon >= 0 && portColon > authority.LastIndexOf(']'))
            {
                port = authority[(portColon + 1)..];
                authority = authority[..portColon];
            }

            host = authority;
        }

        var bag = new DynamicPropertyBag.Builder(8)
            .Set("Scheme", DynamicValue.FromString(scheme))
            .Set("Host", DynamicValue.FromString(host))
            .Set("Port", DynamicValue.FromString(port))
            .Set("Path", DynamicValue.FromString(path))
            .Set("Username", DynamicValue.FromString(user))
            .Set("Password", DynamicValue.FromString(password))
            .Set("Query Parameters", QueryParameters(query))
            .Set("Fragment", DynamicValue.FromString(fragment));
        return ScalarValue.FromDynamic(DynamicValue.FromBag(bag.ToBag()));
    }

    /// <summary><c>parse_urlquery(query)</c>: <c>{"Query Parameters": {name: value}}</c> with values URL-decoded.</summary>
    public static ScalarValue ParseUrlQuery(ReadOnlySpan<ScalarValue> a)
    {
        var query = a[0].String;
        var bag = new DynamicPropertyBag.Builder(1).Set("Query Parameters", QueryParameters(query.StartsWith('?') ? query[1..] : query));
        return ScalarValue.FromDynamic(DynamicValue.FromBag(bag.ToBag()));
    }

    private static DynamicValue QueryParameters(string query)
    {
        var parameters = new DynamicPropertyBag.Builder();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = HttpUtility.UrlDecode(equals >= 0 ? pair[..equals] : pair) ?? string.Empty;
            var value = HttpUtility.UrlDecode(equals >= 0 ? pair[(equals + 1)..] : string.Empty) ?? string.Empty;
            parameters.Set(name, DynamicValue.FromString(value));
        }

        return DynamicValue.FromBag(parameters.ToBag());
    }

    /// <summary><c>parse_path(path)</c>: Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension, AlternateDataStreamName.</summary>
    public static ScalarValue ParsePath(ReadOnlySpan<ScalarValue> a)
    {
        var path = a[0].String;
        var scheme = string.Empty;
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 1)
        {
            scheme = path[..schemeEnd];
            path = path[(schemeEnd + 3)..];
        }

        var body = path.StartsWith(@"\\?\", StringComparison.Ordinal) ? path[4..] : path;
        var root = body.Length >= 2 && char.IsAsciiLetter(body[0]) && body[1] == ':' ? body[..2] : string.Empty;
        var lastSeparator = path.LastIndexOfAny(['/', '\\']);
        var directory = lastSeparator >= 0 ? path[..lastSeparator] : string.Empty;
        var fileName = lastSeparator >= 0 ? path[(lastSeparator + 1)..] : path;
        if (lastSeparator < 0 && root.Length > 0)
        {
            directory = root;
            fileName = body[2..];
        }

        var stream = string.Empty;
        var colon = fileName.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            stream = fileName[(colon + 1)..];
            fileName = fileName[..colon];
        }

        var directorySeparator = directory.LastIndexOfAny(['/', '\\']);
        var directoryName = directorySeparator >= 0 ? directory[(directorySeparator + 1)..] : directory == root ? string.Empty : directory;
        var dot = fileName.LastIndexOf('.');
        var extension = dot >= 0 ? fileName[(dot + 1)..] : string.Empty;
        var bag = new DynamicPropertyBag.Builder(7)
            .Set("Scheme", DynamicValue.FromString(scheme))
            .Set("RootPath", DynamicValue.FromString(root))
            .Set("DirectoryPath", DynamicValue.FromString(directory))
            .Set("DirectoryName", DynamicValue.FromString(directoryName))
            .Set("Filename", DynamicValue.FromString(fileName))
            .Set("Extension", DynamicValue.FromString(extension))
            .Set("AlternateDataStreamName", DynamicValue.FromString(stream));
        return ScalarValue.FromDynamic(DynamicValue.FromBag(bag.ToBag()));
    }

    /// <summary>
    /// <c>parse_version(text)</c>: one to four dot-separated parts of up to 8 digits, as a decimal whose 8-digit
    /// groups are the parts (missing parts are 0); null when the text is no version.
    /// </summary>
    public static ScalarValue ParseVersion(ReadOnlySpan<ScalarValue> a)
    {
        var parts = a[0].String.Trim().Split('.');
        if (parts.Length is < 1 or > 4)
        {
            return ScalarValue.Null(ScalarType.Decimal);
        }

        var result = 0m;
        for (var i = 0; i < 4; i++)
        {
            var part = i < parts.Length ? parts[i].Trim() : "0";
            if (part.Length is 0 or > VersionPartDigits || !part.All(char.IsAsciiDigit))
            {
                return ScalarValue.Null(ScalarType.Decimal);
            }

            try
            {
                result = (result * 100_000_000m) + long.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                // Kusto's decimal has 38 digits; System.Decimal holds 28 (a first part above 79,228 overflows).
                return ScalarValue.Null(ScalarType.Decimal);
            }
        }

        return ScalarValue.FromDecimal(result);
    }

    /// <summary><c>parse_command_line(command, "windows")</c>: the arguments by the Windows command-line rules.</summary>
    public static ScalarValue ParseCommandLine(ReadOnlySpan<ScalarValue> a)
    {
        if (!string.Equals(a[1].String, "windows", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryException(QueryErrorKind.Semantic, $"parse_command_line(): unknown parser '{a[1].String}' (only 'windows' is supported).");
        }

        var text = a[0].String;
        var arguments = new List<DynamicValue?>();
        var current = new StringBuilder();
        var inQuotes = false;
        var inArgument = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                var slashes = 0;
                while (i < text.Length && text[i] == '\\')
                {
                    slashes++;
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    current.Append('\\', slashes / 2);
                    if (slashes % 2 == 1)
                    {
                        current.Append('"');
                    }
                    else
                    {
                        i--;
                    }
                }
                else
                {
                    current.Append('\\', slashes);
                    i--;
                }

                inArgument = true;
                continue;
            }

            if (c == '"')
            {
                if (inQuotes && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = !inQuotes;
                }

                inArgument = true;
                continue;
            }

            if (!inQuotes && c is ' ' or '\t' or '\n' or '\r')
            {
                if (inArgument)
                {
                    arguments.Add(DynamicValue.FromString(current.ToString()));
                    current.Clear();
                    inArgument = false;
                }

                continue;
            }

            current.Append(c);
            inArgument = true;
        }

        if (inArgument)
        {
            arguments.Add(DynamicValue.FromString(current.ToString()));
        }

        return ScalarValue.FromDynamic(DynamicValue.FromArray(arguments.ToArray()));
    }

    /// <summary><c>parse_csv(text)</c>: the fields of the first CSV record (double quotes quote, <c>""</c> is a quote).</summary>
    public static ScalarValue ParseCsv(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        var fields = new List<DynamicValue?>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(DynamicValue.FromString(current.ToString()));
                current.Clear();
            }
            else if (c is '\n' or '\r')
            {
                break;
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(DynamicValue.FromString(current.ToString()));
        return ScalarValue.FromDynamic(DynamicValue.FromArray(fields.ToArray()));
    }
}
