using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class KqlOrderingTests
{
    // sort-operator.md: ascending order is null, NaN, -inf, -5, 0, 5, +inf.
    [Fact]
    public void Reals_sort_with_nan_below_negative_infinity()
    {
        double[] values = [5, double.PositiveInfinity, 0, double.NaN, -5, double.NegativeInfinity];
        Array.Sort(values, KqlOrdering.CompareReal);
        Assert.Equal([double.NaN, double.NegativeInfinity, -5, 0, 5, double.PositiveInfinity], values);
        Assert.Equal(0, KqlOrdering.CompareReal(-0.0, 0.0));
        Assert.Equal(0, KqlOrdering.CompareReal(double.NaN, double.NaN));
        Assert.Equal(1, KqlOrdering.CompareReal(double.NegativeInfinity, double.NaN));
    }

    [Fact]
    public void Strings_compare_ordinally()
    {
        Assert.True(KqlOrdering.CompareString("B", "a") < 0);
        Assert.Equal(0, KqlOrdering.CompareString("abc", "abc"));
    }

    [Fact]
    public void Null_elements_and_values_become_dynamic_null()
    {
        var array = DynamicValue.FromArray([DynamicValue.FromLong(1), null]);
        Assert.Equal("[1,null]", array.ToJsonString());
        var bag = new DynamicPropertyBag.Builder().Set("a", null).ToBag();
        Assert.True(bag.Values[0].IsNull);
    }
}
