using Vigil.Testing;

namespace Vigil.Engine.Tests.Functions;

/// <summary>
/// One case of the data-driven function corpus in <c>Cases/*.cases</c>. A file holds cases separated by lines of
/// <c>===</c>. In a case, lines starting with <c>#</c> are its title and notes; then the query; then a line
/// <c>---</c>; then either the expected schema (<c>name:type | name:type</c>) and one line per row (cells as
/// <c>QueryRunner.Cell</c> renders them, joined with <c> | </c>), or a single line <c>error: TEXT</c> when the
/// query must fail with a message containing TEXT. Adding a function or a fix is adding a case.
/// </summary>
public sealed record FunctionCase(string File, int Line, string Title, string Query, string? Schema, IReadOnlyList<string> Rows, string? Error)
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "Vigil.Engine.Tests", "Functions", "Cases");

    public override string ToString() => $"{File}:{Line} {Title}";

    public static IEnumerable<FunctionCase> LoadAll()
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.cases").Order(StringComparer.Ordinal))
        {
            foreach (var item in Load(path))
            {
                yield return item;
            }
        }
    }

    public static IEnumerable<FunctionCase> Load(string path)
    {
        var name = Path.GetFileName(path);
        var lines = System.IO.File.ReadAllLines(path);
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].TrimEnd() == "===")
            {
                if (lines[start..i].Any(l => l.Trim().Length > 0))
                {
                    yield return Parse(name, start + 1, lines[start..i]);
                }

                start = i + 1;
            }
        }
    }

    private static FunctionCase Parse(string file, int firstLine, string[] lines)
    {
        var title = new List<string>();
        var query = new List<string>();
        var expected = new List<string>();
        var part = 0;
        foreach (var raw in lines)
        {
            if (part == 0 && raw.StartsWith('#'))
            {
                title.Add(raw.TrimStart('#').Trim());
            }
            else if (part < 2 && raw.TrimEnd() == "---")
            {
                part = 2;
            }
            else if (part < 2)
            {
                part = 1;
                query.Add(raw);
            }
            else if (raw.Trim().Length > 0)
            {
                expected.Add(raw.TrimEnd());
            }
        }

        if (part != 2 || query.All(l => l.Trim().Length == 0))
        {
            throw new InvalidDataException($"{file}:{firstLine}: a case needs a query, a '---' line and the expected result.");
        }

        var text = string.Join('\n', query).Trim();
        if (expected.Count == 1 && expected[0].StartsWith("error:", StringComparison.Ordinal))
        {
            return new FunctionCase(file, firstLine, string.Join(' ', title), text, null, [], expected[0]["error:".Length..].Trim());
        }

        if (expected.Count == 0)
        {
            throw new InvalidDataException($"{file}:{firstLine}: the expected result needs a schema line.");
        }

        return new FunctionCase(file, firstLine, string.Join(' ', title), text, expected[0], expected[1..], null);
    }
}
