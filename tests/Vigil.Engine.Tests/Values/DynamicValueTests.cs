using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class DynamicValueTests
{
    private static DynamicValue Parse(string json)
    {
        Assert.True(DynamicValue.TryParseJson(json, out var value), json);
        return value;
    }

    // scalar-data-types/dynamic.md: dynamic({"a":123, "b":"hello", "c":[1,2,3], "d":{}}).
    [Fact]
    public void Json_prints_compactly_in_insertion_order()
    {
        var value = Parse("""{"a":123, "b":"hello", "c":[1,2,3], "d":{}}""");
        Assert.Equal("""{"a":123,"b":"hello","c":[1,2,3],"d":{}}""", value.ToJsonString());
        Assert.Equal("""{"a":1,"b":[1,2]}""", Parse("""{ "a" : 1 , "b" : [ 1 , 2 ] }""").ToJsonString());
        // Keys keep insertion order, not sorted (pack-function examples: {"CharsCount":..,"FileSize":..,"FileName":..}).
        Assert.Equal("""{"z":1,"a":2}""", Parse("""{"z":1,"a":2}""").ToJsonString());
    }

    [Fact]
    public void Json_numbers_are_long_when_integral_and_real_otherwise()
    {
        Assert.Equal(DynamicKind.Long, Parse("21").Kind);
        Assert.Equal(DynamicKind.Long, Parse("-9223372036854775808").Kind);
        Assert.Equal(DynamicKind.Real, Parse("9223372036854775808").Kind);
        Assert.Equal(DynamicKind.Real, Parse("1.0").Kind);
        Assert.Equal(DynamicKind.Real, Parse("1e5").Kind);
        Assert.Equal(double.PositiveInfinity, Parse("1e400").RealValue);
        // series-fill-linear-function.md keeps 111.0 as a real: [null,111.0,null,36.0,...].
        Assert.Equal("[null,111.0,null,36.0,32.667]", Parse("[null, 111.0, null, 36.0, 32.667]").ToJsonString());
        Assert.Equal("[111,null,36]", Parse("[111, null, 36]").ToJsonString());
    }

    [Fact]
    public void Json_strings_stay_strings()
    {
        // parse_json('"21"') is a string; dynamic.md: Y["a b c"] holds the string "2015-01-01".
        Assert.Equal(DynamicKind.String, Parse("\"21\"").Kind);
        var y = Parse("""{"a1":100, "a b c":"2015-01-01"}""");
        Assert.Equal(DynamicKind.String, y["a b c"].Kind);
        Assert.True(DateTimeText.TryParse(y["a b c"].StringValue, out var ticks));
        Assert.Equal(Ticks.Of("2015-01-01"), ticks);
    }

    // pack-array-function.md: pack_array(1, "2", 2s) prints [1,"2","00:00:02"].
    [Fact]
    public void Kusto_scalars_print_as_json_strings_in_their_kql_text_form()
    {
        var array = DynamicValue.FromArray([
            DynamicValue.FromLong(1), DynamicValue.FromString("2"), DynamicValue.FromTimeSpan(2 * KqlTime.TicksPerSecond),
        ]);
        Assert.Equal("""[1,"2","00:00:02"]""", array.ToJsonString());
        var bag = new DynamicPropertyBag.Builder()
            .Set("a", DynamicValue.FromDateTime(Ticks.Of("1970-05-11")))
            .Set("g", DynamicValue.FromGuid(Guid.Parse("74BE27DE-1E4E-49D9-B579-FE0B331D3642")))
            .Set("d", DynamicValue.FromDecimal(1.50m))
            .Set("r", DynamicValue.FromReal(double.NaN))
            .Set("t", DynamicValue.True)
            .ToBag();
        Assert.Equal(
            """{"a":"1970-05-11T00:00:00.0000000Z","g":"74be27de-1e4e-49d9-b579-fe0b331d3642","d":1.50,"r":"NaN","t":true}""",
            DynamicValue.FromBag(bag).ToJsonString());
    }

    [Fact]
    public void Json_strings_escape_only_what_kusto_escapes()
    {
        var value = DynamicValue.FromArray([
            DynamicValue.FromString("艺术"), DynamicValue.FromString("a\"b\\c\n\t\u0001\u2028é/<>"),
        ]);
        Assert.Equal("[\"艺术\",\"a\\\"b\\\\c\\n\\t\\u0001\\u2028é/<>\"]", value.ToJsonString());
        Assert.True(DynamicValue.TryParseJson(value.ToJsonString(), out var parsed));
        Assert.Equal(value, parsed);
    }

    // dynamic.md accessors: X[0] of [100,101,102] is 100; missing keys and out-of-range indexes are null.
    [Fact]
    public void Member_access_returns_null_when_missing()
    {
        var x = Parse("[100,101,102]");
        Assert.Equal(100, x[0].LongValue);
        Assert.Equal(102, x[-1].LongValue);
        Assert.Equal(100, x[-3].LongValue);
        Assert.True(x[3].IsNull);
        Assert.True(x[-4].IsNull);
        Assert.True(x["a"].IsNull);
        var y = Parse("""{"a1":100, "nested":{"b":[1,{"c":"deep"}]}}""");
        Assert.Equal(100, y["a1"].LongValue);
        Assert.Equal("deep", y["nested"]["b"][1]["c"].StringValue);
        Assert.True(y["A1"].IsNull); // keys are case-sensitive
        Assert.True(y[0].IsNull);
        Assert.True(DynamicValue.Null["a"].IsNull);
        Assert.True(DynamicValue.FromLong(5)[0].IsNull);
    }

    [Fact]
    public void Large_bags_look_up_through_an_index()
    {
        var builder = new DynamicPropertyBag.Builder();
        for (var i = 0; i < 40; i++)
        {
            builder.Set($"k{i}", DynamicValue.FromLong(i));
        }

        builder.Set("k3", DynamicValue.FromString("replaced"));
        var bag = DynamicValue.FromBag(builder.ToBag());
        Assert.Equal(40, bag.Count);
        Assert.Equal(39, bag["k39"].LongValue);
        Assert.Equal("replaced", bag["k3"].StringValue);
        Assert.Equal("k3", bag.Bag.Keys[3]);
        Assert.True(bag["k40"].IsNull);
    }

    [Fact]
    public void Repeated_keys_keep_the_first_position_and_the_last_value()
    {
        Assert.Equal("""{"a":3,"b":2}""", Parse("""{"a":1,"b":2,"a":3}""").ToJsonString());
    }

    // parse-json-function.md: a string that is not JSON comes back as a dynamic string; nested JSON strings
    // need a second parse of tostring() (d_b_c is 456).
    [Fact]
    public void ParseJsonOrString_follows_parse_json()
    {
        Assert.Equal(DynamicKind.String, DynamicValue.ParseJsonOrString("not json").Kind);
        Assert.Equal("{oops", DynamicValue.ParseJsonOrString("{oops").StringValue);
        Assert.Equal("[1,2", DynamicValue.ParseJsonOrString("[1,2").StringValue);
        Assert.Equal("12abc", DynamicValue.ParseJsonOrString("12abc").StringValue);
        Assert.True(DynamicValue.ParseJsonOrString("").IsNull);
        Assert.True(DynamicValue.ParseJsonOrString("null").IsNull);
        var d = DynamicValue.ParseJsonOrString("""{"a":123, "b":"{\"c\":456}"}""");
        Assert.Equal(DynamicKind.String, d["b"].Kind);
        Assert.Equal(456, DynamicValue.ParseJsonOrString(d["b"].ToString())["c"].LongValue);
        Assert.Equal(118.0, DynamicValue.ParseJsonOrString("""{"duration":{"value":118.0,"min":100.0}}""")["duration"]["value"].RealValue);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("2023-01-01T10:00:00Z")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("trueish")]
    [InlineData("{unbalanced")]
    [InlineData("[1, 2")]
    [InlineData("{\"a\": datetime(2020-01-01)}")] // KQL literals belong to dynamic(...) in query text, not to parse_json
    [InlineData("[1d]")]
    [InlineData("\"half")]
    public void ParseJsonOrString_keeps_non_json_text_as_a_string(string text)
    {
        var value = DynamicValue.ParseJsonOrString(text);
        Assert.Equal(DynamicKind.String, value.Kind);
        Assert.Equal(text, value.StringValue);
    }

    [Fact]
    public void ParseJsonOrString_is_as_lenient_as_kusto_json_readers()
    {
        Assert.Equal("""{"a":1,"b":"x"}""", DynamicValue.ParseJsonOrString("{'a': 1, b: 'x'}").ToJsonString());
        // A raw tab inside a string is not strict JSON, but lenient readers take it.
        Assert.Equal("tab\there", DynamicValue.ParseJsonOrString("{\"a\":\"tab\there\"}")["a"].StringValue);
        Assert.Equal("""[1,"NaN","-Infinity","Infinity"]""", DynamicValue.ParseJsonOrString("[1, NaN, -Infinity, Infinity]").ToJsonString());
        Assert.Equal("x/y", DynamicValue.ParseJsonOrString("{'a':'x\\/y'}")["a"].StringValue);
        Assert.Equal(1, DynamicValue.ParseJsonOrString("{\"a\":1} // trailing comment")["a"].LongValue);
        Assert.Equal(-5, DynamicValue.ParseJsonOrString(" -5 ").LongValue);
        Assert.Equal(2.5e-3, DynamicValue.ParseJsonOrString("2.5e-3").RealValue);
    }

    [Fact]
    public void Json_reader_tolerates_comments_and_trailing_commas_but_not_two_values()
    {
        Assert.Equal("[1,2]", Parse("[1,2,] // done").ToJsonString());
        Assert.False(DynamicValue.TryParseJson("1 2", out _));
        Assert.False(DynamicValue.TryParseJson("{'a':1}", out _));
        Assert.False(DynamicValue.TryParseJson("", out _));
        Assert.True(DynamicValue.TryParseJson("\"x\""u8, out var utf8));
        Assert.Equal("x", utf8.StringValue);
        var deep = new string('[', 600) + new string(']', 600);
        Assert.False(DynamicValue.TryParseJson(deep, out _));
        var long_ = "[" + string.Join(",", Enumerable.Range(0, 1000)) + "]";
        Assert.Equal(1000, Parse(long_).Count);
    }

    [Fact]
    public void Tostring_gives_raw_strings_and_kql_text_for_scalars()
    {
        Assert.Equal("", DynamicValue.Null.ToString());
        Assert.Equal("hello", DynamicValue.FromString("hello").ToString());
        Assert.Equal("2015-12-31T23:59:59.9000000Z", DynamicValue.FromDateTime(Ticks.Of("2015-12-31 23:59:59.9")).ToString());
        Assert.Equal("00:00:02", DynamicValue.FromTimeSpan(2 * KqlTime.TicksPerSecond).ToString());
        Assert.Equal("true", DynamicValue.True.ToString());
        Assert.Equal("5", DynamicValue.FromLong(5).ToString());
        Assert.Equal("1.0", DynamicValue.FromReal(1).ToString()); // series-iir-function.md mv-expand cells: 1.0, 3.0
        Assert.Equal("NaN", DynamicValue.FromReal(double.NaN).ToString());
        Assert.Equal("[1,2]", Parse("[1,2]").ToString());
        Assert.Equal("null", DynamicValue.Null.ToJsonString());
        Assert.True(DynamicValue.FromDateTime(-1).IsNull);
        Assert.True(DynamicValue.FromString(null).IsNull);
    }

    [Fact]
    public void Equality_is_structural_with_numeric_long_real_equality_and_unordered_bags()
    {
        Assert.Equal(Parse("""{"a":1,"b":[1,"x"]}"""), Parse("""{"b":[1,"x"],"a":1}"""));
        Assert.Equal(Parse("""{"a":1,"b":[1,"x"]}""").GetHashCode(), Parse("""{"b":[1,"x"],"a":1}""").GetHashCode());
        Assert.Equal(DynamicValue.FromLong(1), DynamicValue.FromReal(1.0));
        Assert.Equal(DynamicValue.FromLong(1).GetHashCode(), DynamicValue.FromReal(1.0).GetHashCode());
        Assert.NotEqual(DynamicValue.FromLong(1), DynamicValue.FromReal(1.5));
        Assert.NotEqual(DynamicValue.FromLong(long.MaxValue), DynamicValue.FromReal(9.2233720368547758E18));
        Assert.NotEqual(Parse("[1,2]"), Parse("[2,1]"));
        Assert.NotEqual(DynamicValue.FromString("1"), DynamicValue.FromLong(1));
        Assert.NotEqual(DynamicValue.FromDateTime(5), DynamicValue.FromTimeSpan(5));
        Assert.Equal(DynamicValue.FromReal(double.NaN), DynamicValue.FromReal(double.NaN));
        Assert.Equal(DynamicValue.Null, Parse("null"));
        Assert.NotEqual(Parse("""{"a":1}"""), Parse("""{"a":1,"b":2}"""));
        Assert.NotEqual(Parse("""{"a":1}"""), Parse("""{"b":1}"""));
        Assert.False(DynamicValue.Null.Equals(null));
        var set = new HashSet<DynamicValue> { Parse("[1,2]"), Parse("[1,2]"), Parse("[1.0,2]"), DynamicValue.FromString("a") };
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Typed_accessors_throw_for_the_wrong_kind()
    {
        Assert.Throws<InvalidOperationException>(() => DynamicValue.FromString("x").LongValue);
        Assert.Throws<InvalidOperationException>(() => DynamicValue.Null.BoolValue);
        Assert.True(DynamicValue.FromString("x").ArrayItems.IsEmpty);
        Assert.Equal(0, DynamicValue.FromLong(3).Bag.Count);
        Assert.Equal(3, DynamicValue.FromLong(3).LongValue);
        Assert.Same(DynamicValue.FromLong(3), DynamicValue.FromLong(3));
        Assert.Equal(1.5m, DynamicValue.FromDecimal(1.5m).DecimalValue);
    }

    [Fact]
    public void WriteJson_appends_to_a_string_builder()
    {
        var builder = new System.Text.StringBuilder("x=");
        Parse("""{"a":[true,false,null]}""").WriteJson(builder);
        Assert.Equal("""x={"a":[true,false,null]}""", builder.ToString());
    }
}
