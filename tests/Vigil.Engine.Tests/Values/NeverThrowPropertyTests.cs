using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>Conversions never throw (null instead), whatever text they get: random texts built from syntax characters.</summary>
public sealed class NeverThrowPropertyTests
{
    private static readonly Gen<string> SyntaxText =
        Gen.ArrayOf(Gen.Frequency(
                (6, Gen.Elements("0123456789".ToCharArray())),
                (4, Gen.Elements("-+.:/ ,TZz'\"\\[]{}()eE".ToCharArray())),
                (2, Gen.Elements("dhmsfFyMtHaplnuxUGMTSatNovrueNaInfiy".ToCharArray())),
                (1, Gen.Elements('\t', '\n', '\u2028', 'é', '\0'))))
            .Select(chars => new string(chars));

    private static readonly Gen<string> Fragments =
        Gen.ArrayOf(Gen.Elements("2015-12-31", "T", " ", "23:59:59", ".9999999", "Z", "+02:00", "Sat, ", "8 Nov 14",
                "GMT", "1d", "2.5h", "ms", "tick", "1.02:03:04", "-", "{", "}", "[", "]", "\"a\"", ":", ",", "'b'",
                "null", "true", "datetime(", ")", "1e400", "0x", "//", "\\u00e9", "\\q", "NaN", "yyyy", "FFF", "tt"))
            .Select(parts => string.Concat(parts));

    private static bool NeverThrows(string text)
    {
        DateTimeText.TryParse(text, out _);
        DateTimeText.ParseLiteral(text, out _);
        TimeSpanText.TryParse(text, out _);
        TimeSpanText.ParseLiteral(text, out _);
        RealText.TryParse(text, out _);
        IntegerText.TryParseLong(text, out _);
        IntegerText.ParseLiteral(text, out _);
        DecimalText.TryParse(text, out _);
        BoolText.TryParse(text, out _);
        GuidText.TryParse(text, out _);
        DynamicValue.ParseJsonOrString(text).ToJsonString();
        DynamicValue.TryParseLiteral(text, out var literal);
        _ = literal.ToString();
        if (TemporalFormat.TryCreateDateTime(text, out var dateFormat))
        {
            dateFormat!.Format(KqlTime.MaxDateTimeTicks);
        }

        if (TemporalFormat.TryCreateTimeSpan(text, out var spanFormat))
        {
            spanFormat!.Format(long.MinValue);
        }

        return DateTimePeriodFacts.TryParsePart(text, out _) || true;
    }

    [Property(MaxTest = 1500)]
    public Property Random_syntax_characters_never_throw() => Prop.ForAll(SyntaxText.ToArbitrary(), NeverThrows);

    [Property(MaxTest = 1500)]
    public Property Random_fragments_never_throw() => Prop.ForAll(Fragments.ToArbitrary(), NeverThrows);

    [Property(MaxTest = 300)]
    public Property Json_is_a_dynamic_literal_and_parse_json_input() =>
        Prop.ForAll(ValueGenerators.JsonDynamic.ToArbitrary(), value =>
        {
            var json = value.ToJsonString();
            return (DynamicValue.TryParseLiteral(json, out var literal) && literal.Equals(value)
                && DynamicValue.ParseJsonOrString(json).Equals(value)).Label(json);
        });
}
