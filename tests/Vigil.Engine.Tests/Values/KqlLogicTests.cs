using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>scalar-data-types/null-values.md and the catalog's null semantics.</summary>
public sealed class KqlLogicTests
{
    [Fact]
    public void And_or_not_are_three_valued()
    {
        Assert.False(KqlLogic.And(false, null));
        Assert.False(KqlLogic.And(null, false));
        Assert.Null(KqlLogic.And(true, null));
        Assert.Null(KqlLogic.And(null, null));
        Assert.True(KqlLogic.And(true, true));
        Assert.True(KqlLogic.Or(true, null));
        Assert.True(KqlLogic.Or(null, true));
        Assert.Null(KqlLogic.Or(false, null));
        Assert.False(KqlLogic.Or(false, false));
        Assert.Null(KqlLogic.Not(null));
        Assert.False(KqlLogic.Not(true));
    }

    // null-values.md: val == int(null) gives null for the null row and false for 5; null != 5 is true.
    [Fact]
    public void Equality_with_nulls_follows_the_reference()
    {
        Assert.Null(KqlLogic.Equal(true, true, false));
        Assert.False(KqlLogic.Equal(false, true, false));
        Assert.False(KqlLogic.Equal(true, false, false));
        Assert.True(KqlLogic.Equal(false, false, true));
        Assert.Null(KqlLogic.NotEqual(true, true, false));
        Assert.True(KqlLogic.NotEqual(true, false, false));
        Assert.True(KqlLogic.NotEqual(false, true, true));
        Assert.False(KqlLogic.NotEqual(false, false, true));
    }

    private static bool? Bit(ulong value, ulong valid, int i) =>
        ((valid >> i) & 1) == 0 ? null : ((value >> i) & 1) == 1;

    private static Gen<ulong> Words { get; } =
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((ulong)(uint)high << 32) | (uint)low;

    [Property(MaxTest = 300)]
    public Property Bitmap_kernels_agree_with_the_scalar_rules() =>
        Prop.ForAll(Words.ArrayOf(5).ToArbitrary(), w =>
        {
            var (leftValue, leftValid, rightValue, rightValid, equal) = (w[0], w[1], w[2], w[3], w[4]);
            KqlLogic.And(leftValue, leftValid, rightValue, rightValid, out var andValue, out var andValid);
            KqlLogic.Or(leftValue, leftValid, rightValue, rightValid, out var orValue, out var orValid);
            KqlLogic.Not(leftValue, leftValid, out var notValue, out var notValid);
            KqlLogic.Equal(equal, leftValid, rightValid, out var eqValue, out var eqValid);
            KqlLogic.NotEqual(equal, leftValid, rightValid, out var neValue, out var neValid);
            for (var i = 0; i < 64; i++)
            {
                var left = Bit(leftValue, leftValid, i);
                var right = Bit(rightValue, rightValid, i);
                var leftNull = left is null;
                var rightNull = right is null;
                var eq = ((equal >> i) & 1) == 1;
                if (Bit(andValue, andValid, i) != KqlLogic.And(left, right)
                    || Bit(orValue, orValid, i) != KqlLogic.Or(left, right)
                    || Bit(notValue, notValid, i) != KqlLogic.Not(left)
                    || Bit(eqValue, eqValid, i) != KqlLogic.Equal(leftNull, rightNull, eq)
                    || Bit(neValue, neValid, i) != KqlLogic.NotEqual(leftNull, rightNull, eq)
                    // Value bits of null rows are cleared.
                    || (((andValue & ~andValid) | (orValue & ~orValid) | (notValue & ~notValid)) >> i & 1) != 0)
                {
                    return false.Label($"bit {i}");
                }
            }

            return (KqlLogic.TrueRows(andValue, andValid) == (andValue & andValid)
                && KqlLogic.Sticky(leftValid, rightValid) == (leftValid & rightValid)).ToProperty();
        });
}
