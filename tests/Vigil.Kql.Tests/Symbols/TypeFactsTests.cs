using Vigil.Kql.Symbols;

namespace Vigil.Kql.Tests.Symbols;

public sealed class TypeFactsTests
{
    [Theory]
    [InlineData("bool", ScalarType.Bool)]
    [InlineData("boolean", ScalarType.Bool)]
    [InlineData("int", ScalarType.Int)]
    [InlineData("int32", ScalarType.Int)]
    [InlineData("uint", ScalarType.Int)]
    [InlineData("int8", ScalarType.Int)]
    [InlineData("long", ScalarType.Long)]
    [InlineData("int64", ScalarType.Long)]
    [InlineData("ulong", ScalarType.Long)]
    [InlineData("real", ScalarType.Real)]
    [InlineData("double", ScalarType.Real)]
    [InlineData("float", ScalarType.Real)]
    [InlineData("decimal", ScalarType.Decimal)]
    [InlineData("datetime", ScalarType.DateTime)]
    [InlineData("date", ScalarType.DateTime)]
    [InlineData("timespan", ScalarType.TimeSpan)]
    [InlineData("time", ScalarType.TimeSpan)]
    [InlineData("string", ScalarType.String)]
    [InlineData("dynamic", ScalarType.Dynamic)]
    [InlineData("guid", ScalarType.Guid)]
    [InlineData("uuid", ScalarType.Guid)]
    [InlineData("uniqueid", ScalarType.Guid)]
    public void TryParse_accepts_names_and_aliases(string name, ScalarType expected)
    {
        Assert.True(TypeFacts.TryParse(name, out var type));
        Assert.Equal(expected, type);
        Assert.True(TypeFacts.TryParse(name.AsSpan(), out var fromSpan));
        Assert.Equal(expected, fromSpan);
    }

    [Theory]
    [InlineData("Long")]
    [InlineData("text")]
    [InlineData("")]
    public void TryParse_rejects_unknown_names(string name) => Assert.False(TypeFacts.TryParse(name, out _));

    [Fact]
    public void Canonical_names_parse_back_to_their_type()
    {
        foreach (var type in Enum.GetValues<ScalarType>())
        {
            if (type == ScalarType.Unknown)
            {
                continue;
            }

            Assert.True(TypeFacts.TryParse(TypeFacts.GetName(type), out var parsed));
            Assert.Equal(type, parsed);
        }
    }

    [Theory]
    [InlineData(ScalarType.Int, ScalarType.Long, true)]
    [InlineData(ScalarType.Int, ScalarType.Decimal, true)]
    [InlineData(ScalarType.Long, ScalarType.Real, true)]
    [InlineData(ScalarType.Real, ScalarType.Long, false)]
    [InlineData(ScalarType.String, ScalarType.Long, false)]
    [InlineData(ScalarType.DateTime, ScalarType.DateTime, true)]
    public void IsPromotable_follows_int_long_real_decimal(ScalarType from, ScalarType to, bool expected) =>
        Assert.Equal(expected, TypeFacts.IsPromotable(from, to));

    [Theory]
    [InlineData(ArithmeticOperator.Subtract, ScalarType.DateTime, ScalarType.DateTime, ScalarType.TimeSpan)]
    [InlineData(ArithmeticOperator.Add, ScalarType.DateTime, ScalarType.TimeSpan, ScalarType.DateTime)]
    [InlineData(ArithmeticOperator.Subtract, ScalarType.DateTime, ScalarType.TimeSpan, ScalarType.DateTime)]
    [InlineData(ArithmeticOperator.Multiply, ScalarType.TimeSpan, ScalarType.Long, ScalarType.TimeSpan)]
    [InlineData(ArithmeticOperator.Multiply, ScalarType.Real, ScalarType.TimeSpan, ScalarType.TimeSpan)]
    [InlineData(ArithmeticOperator.Divide, ScalarType.TimeSpan, ScalarType.TimeSpan, ScalarType.Real)]
    [InlineData(ArithmeticOperator.Divide, ScalarType.TimeSpan, ScalarType.Int, ScalarType.TimeSpan)]
    [InlineData(ArithmeticOperator.Add, ScalarType.Int, ScalarType.Long, ScalarType.Long)]
    [InlineData(ArithmeticOperator.Multiply, ScalarType.Long, ScalarType.Real, ScalarType.Real)]
    [InlineData(ArithmeticOperator.Add, ScalarType.Dynamic, ScalarType.Int, ScalarType.Long)]
    [InlineData(ArithmeticOperator.Add, ScalarType.Dynamic, ScalarType.Real, ScalarType.Real)]
    [InlineData(ArithmeticOperator.Add, ScalarType.Dynamic, ScalarType.Dynamic, ScalarType.Dynamic)]
    public void Arithmetic_result_types_follow_Kusto(ArithmeticOperator op, ScalarType left, ScalarType right, ScalarType expected)
    {
        Assert.True(TypeFacts.TryGetArithmeticResult(op, left, right, out var result));
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData(ArithmeticOperator.Add, ScalarType.String, ScalarType.Long)]
    [InlineData(ArithmeticOperator.Multiply, ScalarType.DateTime, ScalarType.TimeSpan)]
    [InlineData(ArithmeticOperator.Add, ScalarType.Bool, ScalarType.Bool)]
    [InlineData(ArithmeticOperator.Multiply, ScalarType.Dynamic, ScalarType.TimeSpan)]
    public void Arithmetic_rejects_pairs_Kusto_rejects(ArithmeticOperator op, ScalarType left, ScalarType right) =>
        Assert.False(TypeFacts.TryGetArithmeticResult(op, left, right, out _));

    [Theory]
    [InlineData(ScalarType.Int, ScalarType.Real, true)]
    [InlineData(ScalarType.String, ScalarType.Dynamic, true)]
    [InlineData(ScalarType.Bool, ScalarType.Long, true)]
    [InlineData(ScalarType.Guid, ScalarType.String, true)]
    [InlineData(ScalarType.String, ScalarType.Long, false)]
    [InlineData(ScalarType.DateTime, ScalarType.String, false)]
    public void Equality_comparisons_accept_what_Kusto_accepts(ScalarType left, ScalarType right, bool expected) =>
        Assert.Equal(expected, TypeFacts.CanCompareEquality(left, right));

    [Theory]
    [InlineData(ScalarType.Int, ScalarType.Real, true)]
    [InlineData(ScalarType.DateTime, ScalarType.DateTime, true)]
    [InlineData(ScalarType.Dynamic, ScalarType.Long, true)]
    [InlineData(ScalarType.DateTime, ScalarType.TimeSpan, false)]
    [InlineData(ScalarType.Bool, ScalarType.Bool, false)]
    public void Order_comparisons_accept_what_Kusto_accepts(ScalarType left, ScalarType right, bool expected) =>
        Assert.Equal(expected, TypeFacts.CanCompareOrder(left, right));

    [Fact]
    public void Common_type_widens_numbers_and_rejects_mixed_kinds()
    {
        Assert.True(TypeFacts.TryGetCommonType([ScalarType.Int, ScalarType.Long, ScalarType.Unknown], out var common));
        Assert.Equal(ScalarType.Long, common);
        Assert.False(TypeFacts.TryGetCommonType([ScalarType.String, ScalarType.Long], out _));
    }

    [Fact]
    public void TableSchema_WithUniqueNames_suffixes_duplicates_like_Kusto()
    {
        var schema = TableSchema.WithUniqueNames(
        [
            new ColumnSymbol("DeviceId", ScalarType.String),
            new ColumnSymbol("DeviceId", ScalarType.String),
            new ColumnSymbol("DeviceId", ScalarType.String),
        ]);
        Assert.Equal(["DeviceId", "DeviceId1", "DeviceId2"], schema.Columns.Select(c => c.Name));
    }
}
