using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Functions.Scalar;

namespace Vigil.Engine.Tests.Functions;

/// <summary>The building blocks of the string and network functions: RE2 translation, hashing, punycode, IP text.</summary>
public sealed class StringKernelTests
{
    [Theory]
    [InlineData("(?P<name>a)", "(?<name>a)")]
    [InlineData(@"\d+$", "[0-9]+\\z")]
    [InlineData("[[:alpha:]]", "[A-Za-z]")]
    [InlineData(@"\Qa.b\E", @"a\.b")]
    [InlineData(@"\pL", @"\p{L}")]
    [InlineData("[a[b]", @"[a\[b]")]
    public void Re2_syntax_is_translated_to_dotnet(string re2, string expected) =>
        Assert.Equal(expected, Re2Translator.Translate(re2, multiLine: false, ungreedy: false));

    [Fact]
    public void Ungreedy_swaps_every_quantifier()
    {
        Assert.Equal("a+?b*c{1,2}?d?", Re2Translator.Translate("a+b*?c{1,2}d??", multiLine: true, ungreedy: true));
    }

    [Property(MaxTest = 300)]
    public bool Any_pattern_compiles_or_is_a_query_error(string? pattern)
    {
        try
        {
            RegexCache.Get(pattern ?? string.Empty).IsMatch("some text 123");
            return true;
        }
        catch (QueryException e)
        {
            return e.Kind == QueryErrorKind.Semantic;
        }
    }

    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    [InlineData("Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1UL)]
    public void XxHash64_matches_the_reference_vectors(string text, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(Encoding.UTF8.GetBytes(text)));

    [Property(MaxTest = 200)]
    public Property Punycode_round_trips_any_text()
    {
        var codePoints = Gen.Choose(0x20, 0x2FFFF).Where(c => c is < 0xD800 or > 0xDFFF).ArrayOf();
        return Prop.ForAll(codePoints.ToArbitrary(), points =>
        {
            var text = string.Concat(points.Select(char.ConvertFromUtf32));
            return Punycode.TryEncode(text, out var encoded) && Ascii.IsValid(encoded)
                && Punycode.TryDecode(encoded, out var decoded) && decoded == text;
        });
    }

    [Property]
    public bool Ipv4_text_round_trips(uint address) =>
        IpAddressText.TryParseIpv4(IpAddressText.FormatIpv4(address), out var parsed, out var prefix) && parsed == address && prefix == 32;

    [Property]
    public bool Ipv6_text_round_trips(ulong high, ulong low)
    {
        var address = new UInt128(high, low);
        return IpAddressText.TryParseIpv6(IpAddressText.FormatIpv6(address), out var parsed, out var prefix) && parsed == address && prefix == 128;
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4/33")]
    [InlineData("1..2.3")]
    [InlineData("")]
    public void Invalid_ipv4_text_is_rejected(string text) => Assert.False(IpAddressText.TryParseIpv4(text, out _, out _));
}
