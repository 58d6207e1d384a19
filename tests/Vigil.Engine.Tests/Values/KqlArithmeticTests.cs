using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>numerical-operators.md.</summary>
public sealed class KqlArithmeticTests
{
    // numerical-operators.md: 14 % 12 = 2, -14 % 12 = 10, 14 % -12 = 2, -14 % -12 = 10.
    [Theory]
    [InlineData(14, 12, 2)]
    [InlineData(-14, 12, 10)]
    [InlineData(14, -12, 2)]
    [InlineData(-14, -12, 10)]
    [InlineData(4, 2, 0)]
    [InlineData(long.MinValue, -1, 0)]
    [InlineData(long.MinValue, long.MinValue, 0)]
    [InlineData(-1, long.MinValue, long.MaxValue)]
    public void Modulo_is_never_negative(long left, long right, long expected)
    {
        Assert.True(KqlArithmetic.TryModulo(left, right, out var result));
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Integer_division_truncates_and_zero_divisors_give_null()
    {
        Assert.True(KqlArithmetic.TryDivide(1L, 2L, out var half));
        Assert.Equal(0, half); // 1 / 2 is 0
        Assert.True(KqlArithmetic.TryDivide(-7L, 2L, out var negative));
        Assert.Equal(-3, negative);
        Assert.True(KqlArithmetic.TryDivide(long.MinValue, -1L, out var wrapped));
        Assert.Equal(long.MinValue, wrapped);
        Assert.False(KqlArithmetic.TryDivide(1L, 0L, out _));
        Assert.False(KqlArithmetic.TryModulo(1L, 0L, out _));
        Assert.Equal(long.MinValue, KqlArithmetic.Add(long.MaxValue, 1));
        Assert.Equal(long.MaxValue, KqlArithmetic.Subtract(long.MinValue, 1));
        Assert.Equal(long.MinValue, KqlArithmetic.Negate(long.MinValue));
        Assert.Equal(-2, KqlArithmetic.Multiply(long.MaxValue, 2));
    }

    // real.md: 1.0/0 is +inf, -1.0/0 is -inf, 0.0/0 is NaN (IEEE, no special casing).
    [Fact]
    public void Real_modulo_is_non_negative_and_ieee_elsewhere()
    {
        Assert.Equal(1.5, KqlArithmetic.Modulo(-0.5, 2));
        Assert.Equal(1.5, KqlArithmetic.Modulo(5.5, -2));
        Assert.True(double.IsNaN(KqlArithmetic.Modulo(1, 0)));
    }

    [Fact]
    public void Decimal_operations_give_null_on_overflow_and_zero_divisors()
    {
        Assert.True(KqlArithmetic.TryAdd(1.5m, 2m, out var sum));
        Assert.Equal(3.5m, sum);
        Assert.False(KqlArithmetic.TryAdd(decimal.MaxValue, 1m, out _));
        Assert.False(KqlArithmetic.TryMultiply(decimal.MaxValue, 2m, out _));
        Assert.False(KqlArithmetic.TrySubtract(decimal.MinValue, 1m, out _));
        Assert.False(KqlArithmetic.TryDivide(1m, 0m, out _));
        Assert.False(KqlArithmetic.TryModulo(1m, 0m, out _));
        Assert.True(KqlArithmetic.TryModulo(-14m, 12m, out var modulo));
        Assert.Equal(10m, modulo);
    }

    [Fact]
    public void Result_types_promote_and_integers_give_long()
    {
        Assert.Equal(NumericKind.Long, KqlArithmetic.ResultKind(NumericKind.Int, NumericKind.Int));
        Assert.Equal(NumericKind.Long, KqlArithmetic.ResultKind(NumericKind.Int, NumericKind.Long));
        Assert.Equal(NumericKind.Real, KqlArithmetic.ResultKind(NumericKind.Long, NumericKind.Real));
        Assert.Equal(NumericKind.Decimal, KqlArithmetic.ResultKind(NumericKind.Real, NumericKind.Decimal));
        Assert.Equal(NumericKind.Int, KqlArithmetic.ComparisonKind(NumericKind.Int, NumericKind.Int));
    }

    // toint-function.md: toint(2.3) is 2.
    [Fact]
    public void Truncation_to_integers_rejects_what_does_not_fit()
    {
        Assert.True(KqlArithmetic.TryTruncateToLong(2.3, out var two) && two == 2);
        Assert.True(KqlArithmetic.TryTruncateToLong(-2.7, out var minusTwo) && minusTwo == -2);
        Assert.True(KqlArithmetic.TryTruncateToLong(-9.2233720368547758E18, out var min) && min == long.MinValue);
        Assert.False(KqlArithmetic.TryTruncateToLong(9.2233720368547758E18, out _));
        Assert.False(KqlArithmetic.TryTruncateToLong(double.NaN, out _));
        Assert.False(KqlArithmetic.TryTruncateToLong(double.NegativeInfinity, out _));
        Assert.Equal(int.MinValue, KqlArithmetic.TruncateToInt(2147483648L));
    }

    // scalar-data-types/timespan.md: 1d / 1s, time(1d) / time(1s) and 24 * 60 * time(00:01:00) / time(1s) are 86400.
    [Fact]
    public void Timespan_arithmetic_follows_the_reference()
    {
        Assert.Equal(86400, KqlArithmetic.DivideTimeSpans(KqlTime.TicksPerDay, KqlTime.TicksPerSecond));
        Assert.Equal(86400, KqlArithmetic.DivideTimeSpans(24 * 60 * KqlTime.TicksPerMinute, KqlTime.TicksPerSecond));
        Assert.True(KqlArithmetic.TryScaleTimeSpan(KqlTime.TicksPerHour, 1.5, out var scaled));
        Assert.Equal("01:30:00", TimeSpanText.Format(scaled));
        Assert.True(KqlArithmetic.TryDivideTimeSpan(KqlTime.TicksPerHour, 4, out var divided));
        Assert.Equal("00:15:00", TimeSpanText.Format(divided));
        Assert.False(KqlArithmetic.TryDivideTimeSpan(KqlTime.TicksPerHour, 0, out _));
        Assert.False(KqlArithmetic.TryScaleTimeSpan(KqlTime.TicksPerDay, 1e10, out _));
        Assert.False(KqlArithmetic.TryScaleTimeSpan(KqlTime.TicksPerDay, double.NaN, out _));
    }

    [Property(MaxTest = 2000)]
    public Property Modulo_is_in_range_and_consistent_with_floor_division() =>
        Prop.ForAll(ValueGenerators.AnyLong.ToArbitrary(), ValueGenerators.AnyLong.Where(d => d != 0).ToArbitrary(), (n, d) =>
        {
            Assert.True(KqlArithmetic.TryModulo(n, d, out var m));
            var absD = Int128.Abs(d);
            return m >= 0 && m < absD && ((Int128)n - m) % d == 0;
        });
}
