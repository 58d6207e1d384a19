using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;
using Vigil.Storage;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Turns one group-by column's value into a 64-bit key part without boxing: integers and ticks as themselves, reals
/// by bits, other values by an id from an interning table. Dictionary-encoded strings map each code to its id once
/// per dictionary. A second part flags null, so null forms its own group.
/// </summary>
internal sealed class GroupKeyEncoder
{
    private readonly Dictionary<string, long> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<decimal, long> _decimals = [];
    private readonly Dictionary<Guid, long> _guids = [];
    private readonly Dictionary<DynamicValue, long> _dynamics = [];
    private StringDictionary? _dictionary;
    private long[] _codeIds = [];

    /// <summary>Writes the key parts of <paramref name="row"/> into <paramref name="parts"/>[0..2].</summary>
    public void Encode(ColumnVector vector, int row, Span<long> parts)
    {
        if (vector.IsNull(row) && vector.Kind != PhysicalKind.String)
        {
            parts[0] = 0;
            parts[1] = 1;
            return;
        }

        parts[1] = 0;
        parts[0] = vector.Kind switch
        {
            PhysicalKind.Int64 => vector.Int64[row],
            PhysicalKind.Bool => vector.Bool[row] ? 1 : 0,
            PhysicalKind.Real => RealBits(vector.Real[row]),
            PhysicalKind.Decimal => Intern(_decimals, vector.Decimal[row]),
            PhysicalKind.Guid => Intern(_guids, vector.Guid[row]),
            PhysicalKind.String => StringId(vector, row),
            _ => Intern(_dynamics, vector.Dynamic[row] ?? DynamicValue.Null),
        };
    }

    private long StringId(ColumnVector vector, int row)
    {
        if (vector.Dictionary is { } dictionary && !vector.IsNull(row))
        {
            if (!ReferenceEquals(dictionary, _dictionary))
            {
                _dictionary = dictionary;
                _codeIds = new long[dictionary.Count];
                _codeIds.AsSpan().Fill(-1);
            }

            var code = vector.Codes[row];
            var id = _codeIds[code];
            if (id < 0)
            {
                id = Intern(_strings, dictionary[code]);
                _codeIds[code] = id;
            }

            return id;
        }

        return Intern(_strings, vector.GetString(row));
    }

    private static long RealBits(double value) =>
        value == 0 ? 0 : double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(value);

    private static long Intern<T>(Dictionary<T, long> table, T value)
        where T : notnull
    {
        if (!table.TryGetValue(value, out var id))
        {
            id = table.Count;
            table.Add(value, id);
        }

        return id;
    }
}
