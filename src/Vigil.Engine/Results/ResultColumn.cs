using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine;

/// <summary>
/// One column of a <see cref="QueryResult"/>: its name, KQL type and values, read with the typed getter for the
/// type (<see cref="GetLong"/> for int/long and datetime/timespan ticks, <see cref="GetReal"/>, <see cref="GetString"/>,
/// ...). Strings are never null (empty for missing values); other types may be null (<see cref="IsNull"/>).
/// </summary>
public sealed class ResultColumn
{
    private readonly ColumnVector _values;

    internal ResultColumn(string name, ScalarType type, ColumnVector values)
    {
        Name = name;
        Type = type;
        _values = values;
    }

    public string Name { get; }

    public ScalarType Type { get; }

    public int Count => _values.Count;

    public bool IsNull(int row) => Type != ScalarType.String && _values.IsNull(row);

    public bool GetBool(int row) => _values.Bool[row];

    /// <summary>int and long values; datetime and timespan as 100-ns ticks.</summary>
    public long GetLong(int row) => _values.Int64[row];

    public double GetReal(int row) => _values.Real[row];

    public decimal GetDecimal(int row) => _values.Decimal[row];

    public Guid GetGuid(int row) => _values.Guid[row];

    public string GetString(int row) => _values.GetString(row);

    public DynamicValue GetDynamic(int row) => _values.Dynamic[row] ?? DynamicValue.Null;

    /// <summary>The value as KQL prints it (<c>tostring</c>): empty for null.</summary>
    public string GetText(int row) => ConvertFunction.ToText(_values, row);

    /// <summary>
    /// The value as a .NET object (null, bool, int, long, double, decimal, DateTime (UTC), TimeSpan, Guid, string,
    /// DynamicValue): convenient for tests and small results; boxes, so avoid it on large results.
    /// </summary>
    public object? GetValue(int row)
    {
        if (IsNull(row))
        {
            return null;
        }

        return Type switch
        {
            ScalarType.Bool => GetBool(row),
            ScalarType.Int => (int)GetLong(row),
            ScalarType.Long => GetLong(row),
            ScalarType.Real => GetReal(row),
            ScalarType.Decimal => GetDecimal(row),
            ScalarType.DateTime => new DateTime(GetLong(row), DateTimeKind.Utc),
            ScalarType.TimeSpan => new TimeSpan(GetLong(row)),
            ScalarType.Guid => GetGuid(row),
            ScalarType.String => GetString(row),
            _ => GetDynamic(row),
        };
    }
}
