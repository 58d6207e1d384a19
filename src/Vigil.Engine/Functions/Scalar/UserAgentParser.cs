using System.Text.RegularExpressions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// parse_user_agent(user_agent, look_for): a bag with Browser (Family, MajorVersion, MinorVersion, Patch),
/// OperatingSystem (Family, MajorVersion, MinorVersion, Patch, PatchMinor) and Device (Family, Brand, Model) for the
/// requested look-ups ("browser", "os", "device", one as a string or several as an array). Kusto matches the
/// ua-parser pattern set; this is a hand-written parser for the agents that set names (major browsers, bots and
/// tools; Windows, macOS, iOS, Android, Linux, Chrome OS, Symbian; Apple, Android and Nokia devices). Unknown parts
/// are "Other" with empty versions, as ua-parser reports them.
/// </summary>
internal static partial class UserAgentParser
{
    /// <summary>Longer agents are cut here: the patterns only look at the start of real agents.</summary>
    private const int MaxLength = 4096;

    private const string Other = "Other";

    private static readonly (string Token, string Family)[] BrowserTokens =
    [
        ("Googlebot", "Googlebot"), ("bingbot", "bingbot"), ("YandexBot", "YandexBot"), ("DuckDuckBot", "DuckDuckBot"),
        ("Baiduspider", "Baiduspider"), ("AdobeAIR", "AdobeAIR"), ("SamsungBrowser", "Samsung Internet"),
        ("YaBrowser", "Yandex Browser"), ("Vivaldi", "Vivaldi"), ("UCBrowser", "UC Browser"), ("EdgA", "Edge Mobile"),
        ("EdgiOS", "Edge Mobile"), ("Edg", "Edge"), ("Edge", "Edge"), ("OPR", "Opera"), ("OPiOS", "Opera Mini"),
        ("Opera Mini", "Opera Mini"), ("FxiOS", "Firefox iOS"), ("CriOS", "Chrome Mobile iOS"), ("curl", "curl"),
        ("Wget", "Wget"), ("python-requests", "Python Requests"), ("Go-http-client", "Go-http-client"),
        ("okhttp", "okhttp"), ("Apache-HttpClient", "Apache-HttpClient"), ("PostmanRuntime", "PostmanRuntime"),
    ];

    public static ScalarValue Parse(ReadOnlySpan<ScalarValue> arguments)
    {
        var agent = arguments[0].IsNull ? string.Empty : arguments[0].String;
        if (agent.Length > MaxLength)
        {
            agent = agent[..MaxLength];
        }

        var kinds = new List<string>();
        var lookFor = arguments[1].ToDynamic();
        if (lookFor.Kind == DynamicKind.String)
        {
            kinds.Add(lookFor.StringValue);
        }
        else if (lookFor.Kind == DynamicKind.Array)
        {
            foreach (var item in lookFor.ArrayItems)
            {
                if (item.Kind == DynamicKind.String)
                {
                    kinds.Add(item.StringValue);
                }
            }
        }

        var names = new List<string>(3);
        var values = new List<DynamicValue>(3);
        foreach (var kind in kinds)
        {
            switch (kind.ToLowerInvariant())
            {
                case "browser" when !names.Contains("Browser"):
                    names.Add("Browser");
                    values.Add(Browser(agent));
                    break;
                case "os" when !names.Contains("OperatingSystem"):
                    names.Add("OperatingSystem");
                    values.Add(OperatingSystem(agent));
                    break;
                case "device" when !names.Contains("Device"):
                    names.Add("Device");
                    values.Add(Device(agent));
                    break;
                case "browser" or "os" or "device":
                    break;
                default:
                    return DynamicArgs.NullDynamic;
            }
        }

        return DynamicArgs.Dynamic(DynamicValue.FromBag(DynamicPropertyBag.FromPairs([.. names], [.. values])));
    }

    private static DynamicValue Browser(string agent)
    {
        var (family, version) = BrowserOf(agent);
        var parts = Split(version, 3);
        return Bag(["Family", "MajorVersion", "MinorVersion", "Patch"], [family, parts[0], parts[1], parts[2]]);
    }

    private static (string Family, string Version) BrowserOf(string agent)
    {
        foreach (var (token, family) in BrowserTokens)
        {
            if (VersionAfter(agent, token) is { } version)
            {
                return (family, version);
            }
        }

        if (agent.Contains("Series60", StringComparison.Ordinal) && VersionAfter(agent, "Series60") is { } series60)
        {
            // Symbian S60 browsers report the platform version as theirs.
            return ("Nokia OSS Browser", series60);
        }

        if (agent.Contains("Trident/", StringComparison.Ordinal) && RevisionVersion().Match(agent) is { Success: true } rv)
        {
            return ("IE", rv.Groups[1].Value);
        }

        if (MsieVersion().Match(agent) is { Success: true } msie)
        {
            return ("IE", msie.Groups[1].Value);
        }

        var mobile = agent.Contains("Mobile", StringComparison.Ordinal);
        var android = agent.Contains("Android", StringComparison.Ordinal);
        if (VersionAfter(agent, "Chrome") is { } chrome)
        {
            return android && agent.Contains("; wv)", StringComparison.Ordinal) ? ("Chrome Mobile WebView", chrome)
                : mobile || android ? ("Chrome Mobile", chrome)
                : ("Chrome", chrome);
        }

        if (VersionAfter(agent, "Chromium") is { } chromium)
        {
            return ("Chromium", chromium);
        }

        if (VersionAfter(agent, "Firefox") is { } firefox)
        {
            return (mobile || android ? "Firefox Mobile" : "Firefox", firefox);
        }

        var apple = agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal)
            || agent.Contains("iPod", StringComparison.Ordinal);
        if (agent.Contains("Safari/", StringComparison.Ordinal) && VersionAfter(agent, "Version") is { } safari)
        {
            return (apple ? "Mobile Safari" : "Safari", safari);
        }

        if (apple && agent.Contains("AppleWebKit", StringComparison.Ordinal))
        {
            return ("Mobile Safari UI/WKWebView", string.Empty);
        }

        if (VersionAfter(agent, "Opera") is { } opera)
        {
            return ("Opera", VersionAfter(agent, "Version") ?? opera);
        }

        return (Other, string.Empty);
    }

    private static DynamicValue OperatingSystem(string agent)
    {
        var (family, version) = OperatingSystemOf(agent);
        var parts = Split(version, 4);
        return Bag(["Family", "MajorVersion", "MinorVersion", "Patch", "PatchMinor"], [family, parts[0], parts[1], parts[2], parts[3]]);
    }

    private static (string Family, string Version) OperatingSystemOf(string agent)
    {
        if (WindowsPhone().Match(agent) is { Success: true } phone)
        {
            return ("Windows Phone", phone.Groups[1].Value);
        }

        if (WindowsNt().Match(agent) is { Success: true } nt)
        {
            return ("Windows", nt.Groups[1].Value switch
            {
                "10.0" => "10",
                "6.3" => "8.1",
                "6.2" => "8",
                "6.1" => "7",
                "6.0" => "Vista",
                "5.2" or "5.1" => "XP",
                "5.0" => "2000",
                var other => other,
            });
        }

        if (AppleMobile().Match(agent) is { Success: true } ios)
        {
            return ("iOS", ios.Groups[1].Value.Replace('_', '.'));
        }

        if (MacOs().Match(agent) is { Success: true } mac)
        {
            return ("Mac OS X", mac.Groups[1].Value.Replace('_', '.'));
        }

        if (AndroidVersion().Match(agent) is { Success: true } android)
        {
            return ("Android", android.Groups[1].Value);
        }

        if (agent.Contains("CrOS", StringComparison.Ordinal))
        {
            return ("Chrome OS", ChromeOsVersion().Match(agent) is { Success: true } cros ? cros.Groups[1].Value : string.Empty);
        }

        if (VersionAfter(agent, "SymbianOS") is { } symbian)
        {
            return ("Symbian OS", symbian);
        }

        if (agent.Contains("Ubuntu", StringComparison.Ordinal))
        {
            return ("Ubuntu", VersionAfter(agent, "Ubuntu") ?? string.Empty);
        }

        if (agent.Contains("Linux", StringComparison.Ordinal) || agent.Contains("X11", StringComparison.Ordinal))
        {
            return ("Linux", string.Empty);
        }

        if (agent.Contains("Windows", StringComparison.Ordinal))
        {
            return ("Windows", string.Empty);
        }

        return (Other, string.Empty);
    }

    private static DynamicValue Device(string agent)
    {
        string family, brand, model;
        if (agent.Contains("iPad", StringComparison.Ordinal))
        {
            (family, brand, model) = ("iPad", "Apple", "iPad");
        }
        else if (agent.Contains("iPhone", StringComparison.Ordinal))
        {
            (family, brand, model) = ("iPhone", "Apple", "iPhone");
        }
        else if (agent.Contains("iPod", StringComparison.Ordinal))
        {
            (family, brand, model) = ("iPod", "Apple", "iPod");
        }
        else if (agent.Contains("Macintosh", StringComparison.Ordinal))
        {
            (family, brand, model) = ("Mac", "Apple", "Mac");
        }
        else if (NokiaModel().Match(agent) is { Success: true } nokia)
        {
            (family, brand, model) = ("Nokia " + nokia.Groups[1].Value, "Nokia", nokia.Groups[1].Value);
        }
        else if (AndroidModel().Match(agent) is { Success: true } android)
        {
            model = android.Groups[1].Value.Trim();
            (family, brand) = model.StartsWith("SM-", StringComparison.Ordinal) || model.StartsWith("GT-", StringComparison.Ordinal)
                ? ("Samsung " + model, "Samsung")
                : model.StartsWith("Pixel", StringComparison.Ordinal) ? (model, "Google")
                : (model, "Generic_Android");
        }
        else if (IsSpider(agent))
        {
            (family, brand, model) = ("Spider", "Spider", "Desktop");
        }
        else
        {
            (family, brand, model) = (Other, string.Empty, string.Empty);
        }

        return Bag(["Family", "Brand", "Model"], [family, brand, model]);
    }

    private static bool IsSpider(string agent) =>
        agent.Contains("bot", StringComparison.OrdinalIgnoreCase) || agent.Contains("spider", StringComparison.OrdinalIgnoreCase)
        || agent.Contains("crawler", StringComparison.OrdinalIgnoreCase);

    /// <summary>The version after "Token/" (digits and dots), or null when the token is not there as a product.</summary>
    private static string? VersionAfter(string agent, string token)
    {
        var at = 0;
        while ((at = agent.IndexOf(token, at, StringComparison.Ordinal)) >= 0)
        {
            var end = at + token.Length;
            var startsWord = at == 0 || !char.IsAsciiLetterOrDigit(agent[at - 1]);
            if (startsWord && end < agent.Length && (agent[end] == '/' || (agent[end] == ' ' && token == "Opera Mini")))
            {
                var from = end + 1;
                var to = from;
                while (to < agent.Length && (char.IsAsciiDigit(agent[to]) || agent[to] == '.'))
                {
                    to++;
                }

                return agent[from..to].TrimEnd('.');
            }

            at = end;
        }

        return null;
    }

    /// <summary>The first <paramref name="count"/> dot-separated parts of a version, "" where missing.</summary>
    private static string[] Split(string version, int count)
    {
        var parts = new string[count];
        Array.Fill(parts, string.Empty);
        var given = version.Length == 0 ? [] : version.Split('.');
        for (var i = 0; i < count && i < given.Length; i++)
        {
            parts[i] = given[i];
        }

        return parts;
    }

    private static DynamicValue Bag(string[] names, string[] values)
    {
        var items = new DynamicValue[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            items[i] = DynamicValue.FromString(values[i]);
        }

        return DynamicValue.FromBag(DynamicPropertyBag.FromPairs(names, items));
    }

    [GeneratedRegex(@"Trident/\d+(?:\.\d+)*;.*?rv:(\d+(?:\.\d+)*)")]
    private static partial Regex RevisionVersion();

    [GeneratedRegex(@"MSIE (\d+(?:\.\d+)*)")]
    private static partial Regex MsieVersion();

    [GeneratedRegex(@"Windows Phone(?: OS)? (\d+(?:\.\d+)*)")]
    private static partial Regex WindowsPhone();

    [GeneratedRegex(@"Windows NT (\d+\.\d+)")]
    private static partial Regex WindowsNt();

    [GeneratedRegex(@"(?:iPhone|CPU) OS (\d+(?:_\d+)*)")]
    private static partial Regex AppleMobile();

    [GeneratedRegex(@"Mac OS X (\d+(?:[_.]\d+)*)")]
    private static partial Regex MacOs();

    [GeneratedRegex(@"Android[ /]?(\d+(?:\.\d+)*)")]
    private static partial Regex AndroidVersion();

    [GeneratedRegex(@"CrOS \S+ (\d+(?:\.\d+)*)")]
    private static partial Regex ChromeOsVersion();

    [GeneratedRegex(@"Nokia ?([A-Za-z0-9]+)(?:-\d+)?/")]
    private static partial Regex NokiaModel();

    [GeneratedRegex(@"Android[^;)]*;(?: *[a-z]{2}[-_][A-Za-z]{2};)? *([^;)]+?)(?: Build/[^;)]*)?[;)]")]
    private static partial Regex AndroidModel();
}
