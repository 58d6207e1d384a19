using System.Collections.Frozen;
using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>convert_angle</c>, <c>convert_energy</c>, <c>convert_force</c>, <c>convert_length</c>, <c>convert_mass</c>,
/// <c>convert_speed</c>, <c>convert_temperature</c>, <c>convert_volume</c>: <c>(value, from, to)</c> over the units
/// of <see cref="UnitTables"/>; an unknown unit gives null, as the reference says.
/// </summary>
internal sealed class UnitConversionFunction : RowFunction
{
    private const string Tilt = "Tilt";
    private readonly FrozenDictionary<string, UnitTables.Unit> _units;
    private readonly bool _isAngle;

    public UnitConversionFunction(string name)
        : base(name)
    {
        _isAngle = name == "convert_angle";
        _units = name switch
        {
            "convert_angle" => UnitTables.Angle,
            "convert_energy" => UnitTables.Energy,
            "convert_force" => UnitTables.Force,
            "convert_length" => UnitTables.Length,
            "convert_mass" => UnitTables.Mass,
            "convert_speed" => UnitTables.Speed,
            "convert_temperature" => UnitTables.Temperature,
            "convert_volume" => UnitTables.Volume,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a convert_* function."),
        };
    }

    /// <summary>Whether <paramref name="name"/> is one of the unit conversion functions.</summary>
    public static bool IsConversion(string name) => name is "convert_angle" or "convert_energy" or "convert_force" or "convert_length"
        or "convert_mass" or "convert_speed" or "convert_temperature" or "convert_volume";

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        var value = arguments[0].Real;
        if (!TryToBase(value, arguments[1].String.Trim(), out var inBase) || !TryFromBase(inBase, arguments[2].String.Trim(), out var result))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        return ScalarValue.FromReal(result);
    }

    private bool TryToBase(double value, string unit, out double result)
    {
        if (_isAngle && unit.Equals(Tilt, StringComparison.OrdinalIgnoreCase))
        {
            result = Math.Asin(value) * 180 / Math.PI;
            return true;
        }

        var found = _units.TryGetValue(unit, out var definition);
        result = found ? definition.ToBase(value) : 0;
        return found;
    }

    private bool TryFromBase(double value, string unit, out double result)
    {
        if (_isAngle && unit.Equals(Tilt, StringComparison.OrdinalIgnoreCase))
        {
            result = Math.Sin(value * Math.PI / 180);
            return true;
        }

        var found = _units.TryGetValue(unit, out var definition);
        result = found ? definition.FromBase(value) : 0;
        return found;
    }
}
