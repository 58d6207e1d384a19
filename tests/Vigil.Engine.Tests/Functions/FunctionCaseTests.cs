using Vigil.Engine.Tests.Query;

namespace Vigil.Engine.Tests.Functions;

/// <summary>Runs every case of <c>Cases/*.cases</c> (see <see cref="FunctionCase"/>) and compares schema and rows exactly.</summary>
public class FunctionCaseTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var item in FunctionCase.LoadAll())
        {
            data.Add(item.File, item.Line);
        }

        return data;
    }

    [Fact]
    public void The_case_corpus_is_present_and_parses()
    {
        Assert.True(Directory.Exists(FunctionCase.Directory), $"The function case corpus is missing: {FunctionCase.Directory}");
        Assert.NotEmpty(FunctionCase.LoadAll());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_returns_its_expected_result(string file, int line)
    {
        var item = FunctionCase.Load(Path.Combine(FunctionCase.Directory, file)).Single(c => c.Line == line);
        if (item.Error is { } error)
        {
            var exception = Assert.ThrowsAny<QueryException>(() => QueryRunner.Run(item.Query));
            Assert.Contains(error, exception.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }

        var result = QueryRunner.Run(item.Query);
        var actual = new List<string> { string.Join(" | ", result.Columns.Select(c => c.Name + ":" + Kql.Symbols.TypeFacts.GetName(c.Type))) };
        actual.AddRange(QueryRunner.Rows(result));
        var expected = new List<string> { item.Schema! };
        expected.AddRange(item.Rows);
        Assert.True(
            expected.SequenceEqual(actual, StringComparer.Ordinal),
            $"{item}\n{item.Query}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}");
    }
}
