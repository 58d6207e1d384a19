using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>Printing then parsing gives the value back, for every type (bounded random samples plus edges).</summary>
public sealed class RoundTripPropertyTests
{
    [Property(MaxTest = 2000)]
    public Property Datetime_tostring_then_todatetime_is_identity() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), ticks =>
        {
            foreach (var style in new[] { DateTimeTextStyle.Kusto, DateTimeTextStyle.Trimmed, DateTimeTextStyle.Table })
            {
                var text = DateTimeText.Format(ticks, style);
                if (!DateTimeText.TryParse(text, out var parsed) || parsed != ticks)
                {
                    return false.Label($"{style}: {text}");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 2000)]
    public Property Timespan_tostring_then_totimespan_is_identity() =>
        Prop.ForAll(ValueGenerators.AnyLong.ToArbitrary(), ticks =>
        {
            var text = TimeSpanText.Format(ticks);
            return (TimeSpanText.TryParse(text, out var parsed) && parsed == ticks).Label(text);
        });

    [Property(MaxTest = 2000)]
    public Property Timespan_text_matches_dotnet_constant_format() =>
        Prop.ForAll(ValueGenerators.AnyLong.ToArbitrary(), ticks =>
            TimeSpanText.Format(ticks) == TimeSpan.FromTicks(ticks).ToString("c", System.Globalization.CultureInfo.InvariantCulture));

    [Property(MaxTest = 3000)]
    public Property Real_tostring_then_toreal_is_identity() =>
        Prop.ForAll(ValueGenerators.AnyReal.ToArbitrary(), value =>
        {
            var text = RealText.Format(value);
            return (RealText.TryParse(text, out var parsed) && parsed.Equals(value)
                && (value != 0 || double.IsNegative(parsed) == double.IsNegative(value))).Label(text);
        });

    [Property(MaxTest = 2000)]
    public Property Real_json_number_parses_back_as_the_same_real() =>
        Prop.ForAll(ValueGenerators.AnyReal.Where(double.IsFinite).ToArbitrary(), value =>
        {
            var json = DynamicValue.FromReal(value).ToJsonString();
            return (DynamicValue.TryParseJson(json, out var parsed) && parsed.Kind == DynamicKind.Real
                && parsed.RealValue.Equals(value)).Label(json);
        });

    [Property(MaxTest = 1000)]
    public Property Long_tostring_then_tolong_is_identity() =>
        Prop.ForAll(ValueGenerators.AnyLong.ToArbitrary(), value =>
            IntegerText.TryParseLong(IntegerText.Format(value), out var parsed) && parsed == value);

    [Property(MaxTest = 1000)]
    public Property Guid_tostring_then_toguid_is_identity() =>
        Prop.ForAll(Gen.Choose(int.MinValue, int.MaxValue).ArrayOf(4).ToArbitrary(), words =>
        {
            var bytes = new byte[16];
            Buffer.BlockCopy(words, 0, bytes, 0, 16);
            var guid = new Guid(bytes);
            return GuidText.TryParse(GuidText.Format(guid), out var parsed) && parsed == guid;
        });

    [Property(MaxTest = 500)]
    public Property Dynamic_json_print_then_parse_is_identity() =>
        Prop.ForAll(ValueGenerators.JsonDynamic.ToArbitrary(), value =>
        {
            var json = value.ToJsonString();
            return (DynamicValue.TryParseJson(json, out var parsed) && parsed.Equals(value)
                && parsed.GetHashCode() == value.GetHashCode() && parsed.ToJsonString() == json).Label(json);
        });
}
