using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Benchmarks.ServerLoad;

/// <summary>
/// Deterministic DeviceProcessEvents-like rows for the load benchmark: row <c>i</c> is always the same apart from its
/// time (recent, so queries within the workspace's retention see it). Every 97th command line carries the term the
/// has-search query looks for.
/// </summary>
internal static class ProcessRowMaker
{
    public const string Stream = "Custom-BenchProcess";

    public const string Table = "BenchProcess_CL";

    private static readonly string[] FileNames =
        ["powershell.exe", "cmd.exe", "svchost.exe", "rundll32.exe", "chrome.exe", "explorer.exe", "wmic.exe", "certutil.exe", "python.exe", "bash"];

    private static readonly string[] Accounts = ["alice", "bob", "svc-backup", "system", "carol", "dave", "local service"];

    /// <summary>The declared columns of the rule's stream (name, type).</summary>
    public static readonly (string Name, string Type)[] Columns =
    [
        ("TimeGenerated", "datetime"), ("DeviceName", "string"), ("AccountName", "string"), ("FileName", "string"),
        ("ProcessCommandLine", "string"), ("InitiatingProcessFileName", "string"), ("ProcessId", "long"),
    ];

    /// <summary>A JSON array of rows <paramref name="first"/> .. first + count - 1, timed within the hour before <paramref name="now"/>.</summary>
    public static byte[] Batch(long first, int count, DateTime now)
    {
        using var buffer = new MemoryStream(count * 220);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            var command = new StringBuilder(96);
            for (var i = first; i < first + count; i++)
            {
                var file = FileNames[(int)(Mix(i) % (ulong)FileNames.Length)];
                var parent = FileNames[(int)(Mix(i + 7) % (ulong)FileNames.Length)];
                command.Clear().Append(file).Append(' ');
                command.Append(i % 97 == 0 ? "-nop -w hidden -encodedcommand SQBFAFgA" : "--task run-").Append((i % 1000).ToString(CultureInfo.InvariantCulture));
                json.WriteStartObject();
                json.WriteString("TimeGenerated", now.AddSeconds(-(i % 3600)));
                json.WriteString("DeviceName", "device-" + (i % 500).ToString("D3", CultureInfo.InvariantCulture));
                json.WriteString("AccountName", Accounts[(int)(Mix(i + 3) % (ulong)Accounts.Length)]);
                json.WriteString("FileName", file);
                json.WriteString("ProcessCommandLine", command.ToString());
                json.WriteString("InitiatingProcessFileName", parent);
                json.WriteNumber("ProcessId", 1000 + (long)(Mix(i + 11) % 60000));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>A cheap deterministic scramble (SplitMix64's finalizer).</summary>
    private static ulong Mix(long value)
    {
        var z = (ulong)value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
