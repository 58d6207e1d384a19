using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class DynamicConversionsTests
{
    private static DynamicValue Json(string text)
    {
        Assert.True(DynamicValue.TryParseJson(text, out var value), text);
        return value;
    }

    // gettype-function.md examples.
    [Fact]
    public void TypeName_matches_gettype()
    {
        Assert.Equal("int", Json("1").TypeName);
        Assert.Equal("long", Json("3000000000").TypeName);
        Assert.Equal("long", DynamicValue.FromLong(1).TypeName);
        Assert.Equal("string", Json(" \"abc\" ").TypeName);
        Assert.Equal("dictionary", Json(" {\"abc\":1} ").TypeName);
        Assert.Equal("array", Json(" [1, 2, 3] ").TypeName);
        Assert.Equal("real", Json("123.45").TypeName);
        Assert.Equal("null", DynamicValue.ParseJsonOrString("").TypeName);
        Assert.Equal("bool", DynamicValue.True.TypeName);
        Assert.Equal("datetime", DynamicValue.FromDateTime(0).TypeName);
        Assert.Equal("timespan", DynamicValue.FromTimeSpan(0).TypeName);
        Assert.Equal("guid", DynamicValue.FromGuid(Guid.Empty).TypeName);
        Assert.Equal("decimal", DynamicValue.FromDecimal(1m).TypeName);
        Assert.True(DynamicValue.TryParseLiteral("[int(5), long(5), 5]", out var literal));
        Assert.Equal(["int", "long", "int"], literal.ArrayItems.ToArray().Select(v => v.TypeName));
        Assert.Equal(Json("1"), DynamicValue.FromLong(1));
    }

    // dynamic.md "Casting dynamic objects": toint(X[1]) is 101, todate(Y["a b c"]) is datetime(2015-01-01).
    [Fact]
    public void Casts_of_dynamic_members_follow_the_reference()
    {
        var x = Json("[100,101,102]");
        Assert.True(DynamicConversions.TryToInt(x[1], out var i) && i == 101);
        var y = Json("""{"a1":100, "a b c":"2015-01-01"}""");
        Assert.True(DynamicConversions.TryToDateTime(y["a b c"], out var ticks));
        Assert.Equal(Ticks.Of("2015-01-01"), ticks);
        Assert.False(DynamicConversions.TryToDateTime(y["a1"], out _));
        Assert.False(DynamicConversions.TryToInt(y["missing"], out _));
    }

    [Fact]
    public void Numbers_strings_and_bools_convert_between_each_other()
    {
        Assert.True(DynamicConversions.TryToLong(Json("2.9"), out var truncated) && truncated == 2);
        Assert.True(DynamicConversions.TryToLong(Json("\"42\""), out var parsed) && parsed == 42);
        Assert.True(DynamicConversions.TryToLong(DynamicValue.True, out var one) && one == 1);
        Assert.True(DynamicConversions.TryToLong(DynamicValue.FromTimeSpan(5), out var spanTicks) && spanTicks == 5);
        Assert.False(DynamicConversions.TryToLong(Json("1e300"), out _));
        Assert.False(DynamicConversions.TryToInt(Json("3000000000"), out _));
        Assert.False(DynamicConversions.TryToLong(Json("[1]"), out _));
        Assert.True(DynamicConversions.TryToReal(Json("5"), out var real) && real == 5);
        Assert.True(DynamicConversions.TryToReal(Json("\"1.5\""), out var parsedReal) && parsedReal == 1.5);
        Assert.True(DynamicConversions.TryToDecimal(Json("\"123.45678\""), out var exact) && exact == 123.45678m);
        Assert.True(DynamicConversions.TryToDecimal(Json("2.5"), out var fromReal) && fromReal == 2.5m);
        Assert.False(DynamicConversions.TryToDecimal(Json("1e300"), out _));
        Assert.True(DynamicConversions.TryToBool(Json("\"true\""), out var flag) && flag);
        Assert.True(DynamicConversions.TryToBool(Json("0"), out var zero) && !zero);
        Assert.False(DynamicConversions.TryToBool(Json("\"maybe\""), out _));
        Assert.True(DynamicConversions.TryToTimeSpan(Json("\"00:03:00\""), out var span) && span == 3 * KqlTime.TicksPerMinute);
        Assert.True(DynamicConversions.TryToGuid(Json("\"74be27de-1e4e-49d9-b579-fe0b331d3642\""), out var guid));
        Assert.Equal("74be27de-1e4e-49d9-b579-fe0b331d3642", GuidText.Format(guid));
        Assert.False(DynamicConversions.TryToGuid(Json("1"), out _));
    }
}
