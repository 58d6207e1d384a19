using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Vectors;

internal sealed partial class ColumnVector
{
    /// <summary>Copies row <paramref name="sourceRow"/> of <paramref name="source"/> (same kind) to the end.</summary>
    public void Append(ColumnVector source, int sourceRow)
    {
        if (Count == Capacity)
        {
            EnsureCapacity(Count + 1);
        }

        CopyRow(Count++, source, sourceRow);
    }

    /// <summary>Sets row <paramref name="row"/> from <paramref name="source"/> (same kind; strings are materialized).</summary>
    public void CopyRow(int row, ColumnVector source, int sourceRow)
    {
        if (source.IsNull(sourceRow))
        {
            SetNullValue(row);
            return;
        }

        ClearNull(row);
        switch (Kind)
        {
            case PhysicalKind.Bool: Bool[row] = source.Bool[sourceRow]; break;
            case PhysicalKind.Int64: Int64[row] = source.Int64[sourceRow]; break;
            case PhysicalKind.Real: Real[row] = source.Real[sourceRow]; break;
            case PhysicalKind.Decimal: Decimal[row] = source.Decimal[sourceRow]; break;
            case PhysicalKind.Guid: Guid[row] = source.Guid[sourceRow]; break;
            case PhysicalKind.String: Strings[row] = source.GetString(sourceRow); break;
            default: Dynamic[row] = source.Dynamic[sourceRow] ?? DynamicValue.Null; break;
        }
    }

    public void AppendValue(ScalarValue value)
    {
        if (Count == Capacity)
        {
            EnsureCapacity(Count + 1);
        }

        SetValue(Count++, value);
    }

    /// <summary>Sets a row from a constant already converted to this vector's type.</summary>
    public void SetValue(int row, ScalarValue value)
    {
        if (value.IsNull && Kind != PhysicalKind.String)
        {
            SetNullValue(row);
            return;
        }

        ClearNull(row);
        switch (Kind)
        {
            case PhysicalKind.Bool: Bool[row] = value.Bool; break;
            case PhysicalKind.Int64: Int64[row] = value.Int64; break;
            case PhysicalKind.Real: Real[row] = value.Real; break;
            case PhysicalKind.Decimal: Decimal[row] = value.Decimal; break;
            case PhysicalKind.Guid: Guid[row] = value.Guid; break;
            case PhysicalKind.String: Strings[row] = value.String; break;
            default: Dynamic[row] = value.Dynamic; break;
        }
    }

    /// <summary>Fills rows [0, count) with one value (constants are broadcast this way).</summary>
    public void Fill(ScalarValue value, int count)
    {
        Reset(count);
        if (value.IsNull && Kind != PhysicalKind.String)
        {
            Nulls.AsSpan(0, Words(count)).Fill(ulong.MaxValue);
            HasNulls = true;
            return;
        }

        switch (Kind)
        {
            case PhysicalKind.Bool: Bool.AsSpan(0, count).Fill(value.Bool); break;
            case PhysicalKind.Int64: Int64.AsSpan(0, count).Fill(value.Int64); break;
            case PhysicalKind.Real: Real.AsSpan(0, count).Fill(value.Real); break;
            case PhysicalKind.Decimal: Decimal.AsSpan(0, count).Fill(value.Decimal); break;
            case PhysicalKind.Guid: Guid.AsSpan(0, count).Fill(value.Guid); break;
            case PhysicalKind.String: Strings.AsSpan(0, count).Fill(value.String); break;
            default: Dynamic.AsSpan(0, count).Fill(value.Dynamic); break;
        }
    }

    /// <summary>A row as a <see cref="ScalarValue"/> (for constants and result cells, not hot paths).</summary>
    public ScalarValue GetValue(int row)
    {
        if (IsNull(row))
        {
            return ScalarValue.Null(Type);
        }

        return Kind switch
        {
            PhysicalKind.Bool => ScalarValue.FromBool(Bool[row]),
            PhysicalKind.Int64 => ScalarValue.FromInt64(Type, Int64[row]),
            PhysicalKind.Real => ScalarValue.FromReal(Real[row]),
            PhysicalKind.Decimal => ScalarValue.FromDecimal(Decimal[row]),
            PhysicalKind.Guid => ScalarValue.FromGuid(Guid[row]),
            PhysicalKind.String => ScalarValue.FromString(GetString(row)),
            _ => ScalarValue.FromDynamic(Dynamic[row] ?? DynamicValue.Null),
        };
    }

    private void SetNullValue(int row)
    {
        switch (Kind)
        {
            case PhysicalKind.String: Strings[row] = string.Empty; return;
            case PhysicalKind.Dynamic: Dynamic[row] = DynamicValue.Null; break;
            case PhysicalKind.Int64: Int64[row] = 0; break;
            case PhysicalKind.Real: Real[row] = 0; break;
            case PhysicalKind.Bool: Bool[row] = false; break;
        }

        SetNull(row);
    }

    private void ClearNull(int row)
    {
        if (HasNulls)
        {
            Nulls[row >> 6] &= ~(1UL << row);
        }
    }

    /// <summary>Whether a KQL type is held as <see cref="ScalarType"/> <paramref name="type"/>'s physical kind.</summary>
    public bool Holds(ScalarType type) => PhysicalKinds.Of(PhysicalKinds.Normalize(type)) == Kind;
}
