using System.Collections.Frozen;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// The units of the <c>convert_*</c> functions (the names the reference lists, matched ignoring case), each as a
/// linear map to the family's base unit: <c>base = value * Numerator / Denominator + Offset</c>. Keeping an exact
/// divisor (60 for an arcminute) rather than its inverse keeps round values round. Temperatures use the offset;
/// the angle <c>Tilt</c> (the sine of the angle) is the only non-linear unit and is handled by the caller.
/// </summary>
internal static class UnitTables
{
    internal readonly record struct Unit(double Numerator, double Denominator = 1, double Offset = 0)
    {
        public double ToBase(double value) => (value * Numerator / Denominator) + Offset;

        public double FromBase(double value) => (value - Offset) * Denominator / Numerator;
    }

    private const double UsGallon = 0.003785411784;
    private const double ImperialGallon = 0.00454609;
    private const double CubicFoot = 0.028316846592;
    private const double LightYear = 9.46073047258e15;
    private const double Parsec = 3.08567758128e16;
    private const double Btu = 1055.05585262;
    private const double ElectronVolt = 1.602176565e-19;
    private const double PoundForce = 4.4482216152605;
    private const double Pound = 0.45359237;

    /// <summary>Angles in degrees.</summary>
    public static readonly FrozenDictionary<string, Unit> Angle = Create(new()
    {
        ["Arcminute"] = new(1, 60), ["Arcsecond"] = new(1, 3600), ["Degree"] = new(1), ["Millidegree"] = new(1e-3),
        ["Microdegree"] = new(1e-6), ["Nanodegree"] = new(1e-9), ["Radian"] = new(180, Math.PI),
        ["Deciradian"] = new(18, Math.PI), ["Centiradian"] = new(1.8, Math.PI), ["Milliradian"] = new(0.18, Math.PI),
        ["Microradian"] = new(1.8e-4, Math.PI), ["Nanoradian"] = new(1.8e-7, Math.PI), ["Gradian"] = new(0.9),
        ["NatoMil"] = new(360, 6400), ["Revolution"] = new(360),
    });

    /// <summary>Energies in joules.</summary>
    public static readonly FrozenDictionary<string, Unit> Energy = Create(new()
    {
        ["BritishThermalUnit"] = new(Btu), ["KilobritishThermalUnit"] = new(Btu * 1e3), ["MegabritishThermalUnit"] = new(Btu * 1e6),
        ["GigabritishThermalUnit"] = new(Btu * 1e9), ["Calorie"] = new(4.184), ["Kilocalorie"] = new(4184),
        ["Megacalorie"] = new(4.184e6), ["ThermEc"] = new(1.05505585262e8), ["DecathermEc"] = new(1.05505585262e9),
        ["ThermImperial"] = new(1.05505585257348e8), ["DecathermImperial"] = new(1.05505585257348e9),
        ["ThermUs"] = new(1.054804e8), ["DecathermUs"] = new(1.054804e9), ["ElectronVolt"] = new(ElectronVolt),
        ["KiloelectronVolt"] = new(ElectronVolt * 1e3), ["MegaelectronVolt"] = new(ElectronVolt * 1e6),
        ["GigaelectronVolt"] = new(ElectronVolt * 1e9), ["TeraelectronVolt"] = new(ElectronVolt * 1e12), ["Erg"] = new(1e-7),
        ["FootPound"] = new(1.355817948), ["HorsepowerHour"] = new(2.6845195377e6), ["Joule"] = new(1),
        ["Millijoule"] = new(1e-3), ["Kilojoule"] = new(1e3), ["Megajoule"] = new(1e6), ["Gigajoule"] = new(1e9),
        ["WattHour"] = new(3600), ["KilowattHour"] = new(3.6e6), ["MegawattHour"] = new(3.6e9), ["GigawattHour"] = new(3.6e12),
        ["TerawattHour"] = new(3.6e15), ["WattDay"] = new(86400), ["KilowattDay"] = new(8.64e7), ["MegawattDay"] = new(8.64e10),
        ["GigawattDay"] = new(8.64e13), ["TerawattDay"] = new(8.64e16),
    });

    /// <summary>Forces in newtons.</summary>
    public static readonly FrozenDictionary<string, Unit> Force = Create(new()
    {
        ["Decanewton"] = new(10), ["Dyn"] = new(1e-5), ["KilogramForce"] = new(9.80665), ["Kilonewton"] = new(1e3),
        ["KiloPond"] = new(9.80665), ["KilopoundForce"] = new(PoundForce * 1e3), ["Meganewton"] = new(1e6),
        ["Micronewton"] = new(1e-6), ["Millinewton"] = new(1e-3), ["Newton"] = new(1), ["OunceForce"] = new(PoundForce, 16),
        ["Poundal"] = new(0.138254954376), ["PoundForce"] = new(PoundForce), ["ShortTonForce"] = new(PoundForce * 2000),
        ["TonneForce"] = new(9806.65),
    });

    /// <summary>Lengths in meters.</summary>
    public static readonly FrozenDictionary<string, Unit> Length = Create(LengthUnits());

    /// <summary>Masses in kilograms.</summary>
    public static readonly FrozenDictionary<string, Unit> Mass = Create(new()
    {
        ["Centigram"] = new(1e-5), ["Decagram"] = new(1e-2), ["Decigram"] = new(1e-4), ["EarthMass"] = new(5.9722e24),
        ["Grain"] = new(6.479891e-5), ["Gram"] = new(1e-3), ["Hectogram"] = new(0.1), ["Kilogram"] = new(1),
        ["Kilopound"] = new(Pound * 1e3), ["Kilotonne"] = new(1e6), ["LongHundredweight"] = new(50.80234544),
        ["LongTon"] = new(1016.0469088), ["Megapound"] = new(Pound * 1e6), ["Megatonne"] = new(1e9), ["Microgram"] = new(1e-9),
        ["Milligram"] = new(1e-6), ["Nanogram"] = new(1e-12), ["Ounce"] = new(0.028349523125), ["Pound"] = new(Pound),
        ["ShortHundredweight"] = new(45.359237), ["ShortTon"] = new(907.18474), ["Slug"] = new(14.593902937206),
        ["SolarMass"] = new(1.98947e30), ["Stone"] = new(6.35029318), ["Tonne"] = new(1000),
    });

    /// <summary>Speeds in meters per second.</summary>
    public static readonly FrozenDictionary<string, Unit> Speed = Create(SpeedUnits());

    /// <summary>Temperatures in kelvins.</summary>
    public static readonly FrozenDictionary<string, Unit> Temperature = Create(new()
    {
        ["DegreeCelsius"] = new(1, 1, 273.15), ["DegreeDelisle"] = new(-2, 3, 373.15), ["DegreeFahrenheit"] = new(5, 9, 459.67 * 5 / 9),
        ["DegreeNewton"] = new(100, 33, 273.15), ["DegreeRankine"] = new(5, 9), ["DegreeReaumur"] = new(5, 4, 273.15),
        ["DegreeRoemer"] = new(40, 21, 273.15 - (7.5 * 40 / 21)), ["Kelvin"] = new(1), ["MillidegreeCelsius"] = new(1, 1000, 273.15),
        ["SolarTemperature"] = new(5778),
    });

    /// <summary>Volumes in cubic meters.</summary>
    public static readonly FrozenDictionary<string, Unit> Volume = Create(new()
    {
        ["AcreFoot"] = new(1, 0.000810714), ["AuTablespoon"] = new(2e-5), ["BoardFoot"] = new(2.3597372158e-3),
        ["Centiliter"] = new(1e-5), ["CubicCentimeter"] = new(1e-6), ["CubicDecimeter"] = new(1e-3), ["CubicFoot"] = new(CubicFoot),
        ["CubicHectometer"] = new(1e6), ["CubicInch"] = new(1.6387064e-5), ["CubicKilometer"] = new(1e9), ["CubicMeter"] = new(1),
        ["CubicMicrometer"] = new(1e-18), ["CubicMile"] = new(4.168181825440579584e9), ["CubicMillimeter"] = new(1e-9),
        ["CubicYard"] = new(0.764554857984), ["Decaliter"] = new(1e-2), ["DecausGallon"] = new(UsGallon * 10), ["Deciliter"] = new(1e-4),
        ["DeciusGallon"] = new(UsGallon, 10), ["HectocubicFoot"] = new(CubicFoot * 100), ["HectocubicMeter"] = new(100),
        ["Hectoliter"] = new(0.1), ["HectousGallon"] = new(UsGallon * 100), ["ImperialBeerBarrel"] = new(0.16365924),
        ["ImperialGallon"] = new(ImperialGallon), ["ImperialOunce"] = new(2.8413062499962901e-5), ["ImperialPint"] = new(5.6826125e-4),
        ["KilocubicFoot"] = new(CubicFoot * 1e3), ["KilocubicMeter"] = new(1e3), ["KiloimperialGallon"] = new(ImperialGallon * 1e3),
        ["Kiloliter"] = new(1), ["KilousGallon"] = new(UsGallon * 1e3), ["Liter"] = new(1e-3), ["MegacubicFoot"] = new(CubicFoot * 1e6),
        ["MegaimperialGallon"] = new(ImperialGallon * 1e6), ["Megaliter"] = new(1e3), ["MegausGallon"] = new(UsGallon * 1e6),
        ["MetricCup"] = new(2.5e-4), ["MetricTeaspoon"] = new(5e-6), ["Microliter"] = new(1e-9), ["Milliliter"] = new(1e-6),
        ["OilBarrel"] = new(0.158987294928), ["UkTablespoon"] = new(1.5e-5), ["UsBeerBarrel"] = new(0.1173477658),
        ["UsCustomaryCup"] = new(2.365882365e-4), ["UsGallon"] = new(UsGallon), ["UsLegalCup"] = new(2.4e-4),
        ["UsOunce"] = new(2.957352956253760505e-5), ["UsPint"] = new(4.73176473e-4), ["UsQuart"] = new(9.46352946e-4),
        ["UsTablespoon"] = new(1.478676478125e-5), ["UsTeaspoon"] = new(4.92892159375e-6),
    });

    private static Dictionary<string, Unit> LengthUnits() => new()
    {
        ["Angstrom"] = new(1e-10), ["AstronomicalUnit"] = new(1.4959787070e11), ["Centimeter"] = new(1e-2), ["Chain"] = new(20.1168),
        ["DataMile"] = new(1828.8), ["Decameter"] = new(10), ["Decimeter"] = new(0.1), ["DtpPica"] = new(0.0254, 6),
        ["DtpPoint"] = new(0.0254, 72), ["Fathom"] = new(1.8288), ["Foot"] = new(0.3048), ["Hand"] = new(0.1016),
        ["Hectometer"] = new(100), ["Inch"] = new(0.0254), ["KilolightYear"] = new(LightYear * 1e3), ["Kilometer"] = new(1e3),
        ["Kiloparsec"] = new(Parsec * 1e3), ["LightYear"] = new(LightYear), ["MegalightYear"] = new(LightYear * 1e6),
        ["Megaparsec"] = new(Parsec * 1e6), ["Meter"] = new(1), ["Microinch"] = new(2.54e-8), ["Micrometer"] = new(1e-6),
        ["Mil"] = new(2.54e-5), ["Mile"] = new(1609.344), ["Millimeter"] = new(1e-3), ["Nanometer"] = new(1e-9),
        ["NauticalMile"] = new(1852), ["Parsec"] = new(Parsec), ["PrinterPica"] = new(1, 237.106301584),
        ["PrinterPoint"] = new(0.013837 * 0.0254), ["Shackle"] = new(27.432), ["SolarRadius"] = new(6.95510000e8),
        ["Twip"] = new(0.0254, 1440), ["UsSurveyFoot"] = new(1200, 3937), ["Yard"] = new(0.9144),
    };

    // <length>Per<Hour|Minute|Second> for the lengths the reference lists, plus knots and miles per hour.
    private static Dictionary<string, Unit> SpeedUnits()
    {
        var lengths = LengthUnits();
        var units = new Dictionary<string, Unit>
        {
            ["Knot"] = new(1852, 3600),
            ["MilePerHour"] = new(1609.344, 3600),
        };
        string[] names =
        [
            "CentimeterPerHour", "CentimeterPerMinute", "CentimeterPerSecond", "DecimeterPerMinute", "DecimeterPerSecond",
            "FootPerHour", "FootPerMinute", "FootPerSecond", "InchPerHour", "InchPerMinute", "InchPerSecond",
            "KilometerPerHour", "KilometerPerMinute", "KilometerPerSecond", "MeterPerHour", "MeterPerMinute", "MeterPerSecond",
            "MicrometerPerMinute", "MicrometerPerSecond", "MillimeterPerHour", "MillimeterPerMinute", "MillimeterPerSecond",
            "NanometerPerMinute", "NanometerPerSecond", "UsSurveyFootPerHour", "UsSurveyFootPerMinute", "UsSurveyFootPerSecond",
            "YardPerHour", "YardPerMinute", "YardPerSecond",
        ];
        foreach (var name in names)
        {
            var split = name.IndexOf("Per", StringComparison.Ordinal);
            var length = lengths[name[..split]];
            var seconds = name[(split + 3)..] switch { "Hour" => 3600, "Minute" => 60, _ => 1 };
            units[name] = new(length.Numerator, length.Denominator * seconds);
        }

        return units;
    }

    private static FrozenDictionary<string, Unit> Create(Dictionary<string, Unit> units) =>
        units.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
