using FsCheck;
using FsCheck.Fluent;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>FsCheck generators for the value types, biased toward boundaries.</summary>
internal static class ValueGenerators
{
    /// <summary>Any long, from two 32-bit draws, mixed with the extremes and small values.</summary>
    public static Gen<long> AnyLong { get; } = Gen.Frequency(
        (8, from high in Gen.Choose(int.MinValue, int.MaxValue)
            from low in Gen.Choose(int.MinValue, int.MaxValue)
            select ((long)high << 32) | (uint)low),
        (2, Gen.Choose(-100_000, 100_000).Select(i => (long)i)),
        (1, Gen.Elements(long.MinValue, long.MinValue + 1, long.MaxValue, long.MaxValue - 1, 0L, -1L, 1L)));

    /// <summary>Any datetime tick value in 0001-01-01 .. 9999-12-31T23:59:59.9999999.</summary>
    public static Gen<long> DateTimeTicks { get; } = Gen.Frequency(
        (8, AnyLong.Select(l => (long)((ulong)l % ((ulong)KqlTime.MaxDateTimeTicks + 1)))),
        (1, AnyLong.Select(l => (long)((ulong)l % ((ulong)KqlTime.MaxDateTimeTicks + 1)) / KqlTime.TicksPerSecond * KqlTime.TicksPerSecond)),
        (1, Gen.Elements(KqlTime.MinDateTimeTicks, KqlTime.MaxDateTimeTicks, KqlTime.UnixEpochTicks, 1L, KqlTime.MaxDateTimeTicks - 1)));

    /// <summary>Any double, by bit pattern, plus the special values.</summary>
    public static Gen<double> AnyReal { get; } = Gen.Frequency(
        (6, AnyLong.Select(BitConverter.Int64BitsToDouble)),
        (3, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0)),
        (1, Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon,
            double.MaxValue, double.MinValue, 0.1, 1e20, 1e-7, 123456789012345678.0)));

    /// <summary>Strings of printable ASCII, control characters and a few non-ASCII (no lone surrogates).</summary>
    public static Gen<string> Text { get; } =
        Gen.ArrayOf(Gen.Frequency(
                (10, Gen.Choose(' ', '~').Select(i => (char)i)),
                (1, Gen.Choose(0, 31).Select(i => (char)i)),
                (1, Gen.Elements('"', '\\', '\u0085', '\u2028', '\u2029', 'é', '艺', '\u00a0'))))
            .Select(chars => new string(chars));

    /// <summary>Dynamic values of JSON's kinds (those that survive printing and parsing unchanged).</summary>
    public static Gen<DynamicValue> JsonDynamic { get; } = Gen.Sized(size => JsonDynamicOfSize(Math.Min(size, 12)));

    private static Gen<DynamicValue> JsonDynamicOfSize(int size)
    {
        var scalar = Gen.OneOf(
            Gen.Constant(DynamicValue.Null),
            Gen.Elements(true, false).Select(DynamicValue.FromBool),
            AnyLong.Select(DynamicValue.FromLong),
            AnyReal.Where(double.IsFinite).Select(DynamicValue.FromReal),
            Text.Select(DynamicValue.FromString));
        if (size <= 1)
        {
            return scalar;
        }

        var child = JsonDynamicOfSize(size / 3);
        var array = Gen.ListOf(child).Select(items => DynamicValue.FromArray(items.ToArray()));
        var bag = Gen.ListOf(Gen.Zip(Text, child)).Select(pairs =>
        {
            var builder = new DynamicPropertyBag.Builder();
            foreach (var (key, value) in pairs)
            {
                builder.Set(key, value);
            }

            return DynamicValue.FromBag(builder.ToBag());
        });
        return Gen.Frequency((3, scalar), (1, array), (1, bag));
    }
}
