using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class ScalarTextTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(10.0, "10")] // beta-cdf-function.md prints the real 10.0 as 10
    [InlineData(0.1, "0.1")]
    [InlineData(4.5, "4.5")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(-0.0, "-0")]
    [InlineData(0.6931471805599453, "0.6931471805599453")]
    public void Real_prints_its_shortest_round_trip_form(double value, string expected)
    {
        Assert.Equal(expected, RealText.Format(value));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(42.0, "42.0")] // bag-remove-keys examples print {"key3": 42.0}
    [InlineData(0.0, "0.0")] // series-fill-const-function.md: [111,0.0,36,...]
    [InlineData(32.667, "32.667")]
    [InlineData(1e20, "1E+20")]
    public void Real_json_number_keeps_a_point(double value, string expected)
    {
        Span<char> buffer = stackalloc char[RealText.MaxLength];
        Assert.True(RealText.TryFormatJsonNumber(value, buffer, out var written));
        Assert.Equal(expected, buffer[..written].ToString());
        Assert.False(RealText.TryFormatJsonNumber(double.NaN, buffer, out _));
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(" -2e3 ", -2000.0)]
    [InlineData("NaN", double.NaN)]
    [InlineData("nan", double.NaN)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    public void Real_parses_numbers_and_special_values(string text, double expected)
    {
        Assert.True(RealText.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    public void Real_rejects_non_numbers(string text)
    {
        Assert.False(RealText.TryParse(text, out _));
    }

    [Fact]
    public void Real_literal_text_reads_nan_inf_and_null()
    {
        Assert.Equal(KqlLiteralKind.Null, RealText.ParseLiteral("null", out _));
        Assert.Equal(KqlLiteralKind.Value, RealText.ParseLiteral("nan", out var nan));
        Assert.True(double.IsNaN(nan));
        Assert.Equal(KqlLiteralKind.Value, RealText.ParseLiteral("-inf", out var negativeInfinity));
        Assert.Equal(double.NegativeInfinity, negativeInfinity);
    }

    // tostring-function.md: tostring(123) is "123"; toint-function.md: toint("123") == 123, toint(2.3) == 2;
    // coalesce-function.md: tolong("not a number") is null, tolong("42") is 42.
    [Fact]
    public void Integers_print_and_parse_as_documented()
    {
        Assert.Equal("123", IntegerText.Format(123));
        Assert.Equal("-9223372036854775808", IntegerText.Format(long.MinValue));
        Assert.True(IntegerText.TryParseInt("123", out var i) && i == 123);
        Assert.True(IntegerText.TryParseLong("42", out var l) && l == 42);
        Assert.False(IntegerText.TryParseLong("not a number", out _));
        Assert.True(IntegerText.TryParseLong(" -7 ", out var negative) && negative == -7);
        Assert.True(IntegerText.TryParseLong("2.7", out var truncated) && truncated == 2);
        Assert.True(IntegerText.TryParseLong("-2.7", out var negativeTruncated) && negativeTruncated == -2);
        Assert.True(IntegerText.TryParseLong("1e3", out var exponent) && exponent == 1000);
        Assert.False(IntegerText.TryParseLong("9223372036854775808", out _));
        Assert.False(IntegerText.TryParseInt("2147483648", out _));
        Assert.True(IntegerText.TryParseInt("-2147483648", out var min) && min == int.MinValue);
    }

    [Fact]
    public void Integer_literal_text_reads_hex_and_null()
    {
        Assert.Equal(KqlLiteralKind.Value, IntegerText.ParseLiteral("0xf", out var hex));
        Assert.Equal(15, hex);
        Assert.Equal(KqlLiteralKind.Value, IntegerText.ParseLiteral("-2", out var negative));
        Assert.Equal(-2, negative);
        Assert.Equal(KqlLiteralKind.Null, IntegerText.ParseLiteral("null", out _));
        Assert.Equal(KqlLiteralKind.Invalid, IntegerText.ParseLiteral("1.5", out _));
    }

    [Fact]
    public void Decimal_keeps_its_scale_and_parses_exponents()
    {
        Assert.True(DecimalText.TryParse("1.0", out var one));
        Assert.Equal("1.0", DecimalText.Format(one));
        Assert.True(DecimalText.TryParse("1e5", out var large));
        Assert.Equal(100000m, large);
        Assert.False(DecimalText.TryParse("1e40", out _)); // beyond System.Decimal: the documented gap
        Assert.Equal(KqlLiteralKind.Null, DecimalText.ParseLiteral("null", out _));
    }

    // tobool-function.md: tobool("true") == true, tobool("false") == false, tobool(1) == true, tobool(123) == true.
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("TRUE", true)]
    [InlineData(" False ", false)]
    [InlineData("1", true)]
    [InlineData("123", true)]
    [InlineData("0", false)]
    public void Bool_parses_as_documented(string text, bool expected)
    {
        Assert.True(BoolText.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Bool_prints_lower_case_and_rejects_other_text()
    {
        Assert.Equal("true", BoolText.Format(true));
        Assert.Equal("false", BoolText.Format(false));
        Assert.False(BoolText.TryParse("yes", out _));
        Assert.Equal(KqlLiteralKind.Value, BoolText.ParseLiteral("true", out var literal));
        Assert.True(literal);
        Assert.Equal(KqlLiteralKind.Null, BoolText.ParseLiteral("null", out _));
        Assert.Equal(KqlLiteralKind.Invalid, BoolText.ParseLiteral("1", out _));
    }

    // toguid-function.md example table.
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "01234567-89ab-cdef-0123-456789abcdef")]
    [InlineData("0123456789ab-cdef-0123-456789abcdef", "01234567-89ab-cdef-0123-456789abcdef")]
    [InlineData("74BE27DE-1E4E-49D9-B579-FE0B331D3642", "74be27de-1e4e-49d9-b579-fe0b331d3642")]
    [InlineData("{74be27de-1e4e-49d9-b579-fe0b331d3642}", "74be27de-1e4e-49d9-b579-fe0b331d3642")]
    public void Guid_parses_documented_forms_and_prints_lower_case(string text, string expected)
    {
        Assert.True(GuidText.TryParse(text, out var value));
        Assert.Equal(expected, GuidText.Format(value));
    }

    [Theory]
    [InlineData("a string that is not a guid")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdefa")]
    [InlineData("")]
    public void Guid_rejects_other_text(string text)
    {
        Assert.False(GuidText.TryParse(text, out _));
    }
}
