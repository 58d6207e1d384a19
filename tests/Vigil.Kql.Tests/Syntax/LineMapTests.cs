using Vigil.Kql.Diagnostics;
using Vigil.Kql.Text;

namespace Vigil.Kql.Tests.Syntax;

public sealed class LineMapTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 2, 1)]
    [InlineData(5, 2, 3)]
    [InlineData(6, 2, 4)]
    [InlineData(7, 3, 1)]
    [InlineData(8, 4, 1)]
    [InlineData(100, 4, 2)]
    public void GetPosition_handles_lf_crlf_and_cr(int offset, int line, int column)
    {
        var map = new LineMap("ab\ncd\r\n\rx");
        Assert.Equal(new LinePosition(line, column), map.GetPosition(offset));
        Assert.Equal(4, map.LineCount);
    }

    [Fact]
    public void Diagnostic_WithSeverity_keeps_everything_else()
    {
        var error = SyntaxDiagnostics.ExpectedToken(")", 12);
        var warning = error.WithSeverity(DiagnosticSeverity.Warning);
        Assert.Equal("KQL1001", warning.Code);
        Assert.Equal("expected ')'", warning.Message);
        Assert.Equal(12, warning.Start);
        Assert.Equal(0, warning.Length);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }
}
