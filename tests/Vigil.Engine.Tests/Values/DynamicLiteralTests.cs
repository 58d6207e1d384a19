using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class DynamicLiteralTests
{
    private static string Literal(string text)
    {
        Assert.True(DynamicValue.TryParseLiteral(text, out var value), text);
        return value.ToJsonString();
    }

    [Fact]
    public void Json_literals_read_as_json()
    {
        Assert.Equal("""{"a":123,"b":"hello","c":[1,2,3],"d":{}}""", Literal("""{"a":123, "b":"hello", "c":[1,2,3], "d":{}}"""));
        Assert.Equal("null", Literal("null"));
        Assert.Equal("4", Literal("4"));
        Assert.Equal("[1.0,-2.5,1E+20,true,false,null]", Literal("[1.0, -2.5, 1e20, true, False, null]"));
        Assert.Equal("[]", Literal(" [ ] "));
    }

    // dynamic.md: dynamic({"a": datetime(1970-05-11)}); hunting queries use single quotes and comments in lists.
    [Fact]
    public void Kql_extensions_are_accepted()
    {
        Assert.Equal("""{"a":"1970-05-11T00:00:00.0000000Z"}""", Literal("""{"a": datetime(1970-05-11)}"""));
        Assert.Equal("""["cmd.exe","powershell.exe"]""", Literal("['cmd.exe', 'powershell.exe']"));
        Assert.Equal("""["CVE-2019-11510","x"]""", Literal("""
            [
            "CVE-2019-11510", //pre-auth arbitrary file reading from Pulse Secure SSL VPN
            'x', // trailing comma next
            ]
            """));
        Assert.Equal("""["01:00:00","1.00:00:00","00:00:00.5000000"]""", Literal("[1h, timespan(1d), time(0.5s)]"));
        Assert.Equal("""["74be27de-1e4e-49d9-b579-fe0b331d3642",5,"NaN",null,true,1.5]""",
            Literal("[guid(74be27de-1e4e-49d9-b579-fe0b331d3642), long(5), real(nan), datetime(null), bool(true), decimal(1.5)]"));
        Assert.Equal("""["C:\\Windows","it's","a\tb","é"]""", Literal("""[@"C:\Windows", 'it\'s', "a\tb", "\u00e9"]"""));
        Assert.Equal("""{"key":1,"other":"v"}""", Literal("{key: 1, 'other': h'v'}"));
        Assert.Equal("[\"😀\"]", Literal("""["\ud83d\ude00"]"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[1 2]")]
    [InlineData("'unterminated")]
    [InlineData("datetime(bad)")]
    [InlineData("unknown(1)")]
    [InlineData("[1,,2]")]
    [InlineData("nope")]
    [InlineData("1 2")]
    [InlineData("[\"bad escape \\q\"]")]
    [InlineData("int(3000000000)")]
    public void Invalid_literals_are_rejected(string text)
    {
        Assert.False(DynamicValue.TryParseLiteral(text, out _));
    }
}
