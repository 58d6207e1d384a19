namespace Vigil.Engine.Values;

/// <summary>
/// Structural equality, as Kusto compares dynamic values (<c>make_set</c>, <c>in</c>, <c>array_index_of</c>,
/// <c>set_*</c>): same kind and value, with long and real numbers equal when numerically equal (<c>1 == 1.0</c>);
/// strings are ordinal; arrays compare element-wise in order; property bags compare as unordered key sets; two
/// NaNs are equal, so that sets and hash tables work. <see cref="Null"/> equals <see cref="Null"/> here: the
/// three-valued <c>==</c> of KQL (null == null is null) is applied by the caller (see <see cref="KqlLogic"/>).
/// </summary>
public sealed partial class DynamicValue : IEquatable<DynamicValue>
{
    public bool Equals(DynamicValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        if (Kind != other.Kind)
        {
            return (Kind, other.Kind) switch
            {
                (DynamicKind.Long, DynamicKind.Real) => LongEqualsReal(_bits, other.RealValue),
                (DynamicKind.Real, DynamicKind.Long) => LongEqualsReal(other._bits, RealValue),
                _ => false,
            };
        }

        switch (Kind)
        {
            case DynamicKind.Null:
                return true;
            case DynamicKind.Real:
                return RealValue.Equals(other.RealValue);
            case DynamicKind.Decimal:
                return DecimalValue == other.DecimalValue;
            case DynamicKind.Guid:
                return GuidValue == other.GuidValue;
            case DynamicKind.String:
                return string.Equals(StringValue, other.StringValue, StringComparison.Ordinal);
            case DynamicKind.Array:
                return ArrayItems.SequenceEqual(other.ArrayItems);
            case DynamicKind.Bag:
                return BagsEqual(Bag, other.Bag);
            default:
                return _bits == other._bits;
        }
    }

    public override bool Equals(object? obj) => Equals(obj as DynamicValue);

    public override int GetHashCode()
    {
        switch (Kind)
        {
            case DynamicKind.Long:
                return _bits.GetHashCode();
            case DynamicKind.Real:
                // Integral reals hash as the equal long does.
                var real = RealValue;
                return KqlArithmetic.TryTruncateToLong(real, out var whole) && whole == real ? whole.GetHashCode() : real.GetHashCode();
            case DynamicKind.Decimal:
                return HashCode.Combine(Kind, DecimalValue);
            case DynamicKind.Guid:
                return GuidValue.GetHashCode();
            case DynamicKind.String:
                return StringValue.GetHashCode(StringComparison.Ordinal);
            case DynamicKind.Array:
                var arrayHash = new HashCode();
                foreach (var item in ArrayItems)
                {
                    arrayHash.Add(item);
                }

                return HashCode.Combine(Kind, arrayHash.ToHashCode());
            case DynamicKind.Bag:
                // Order-independent: a sum of per-property hashes.
                var bag = Bag;
                var sum = 0;
                for (var i = 0; i < bag.Count; i++)
                {
                    sum = unchecked(sum + HashCode.Combine(bag.Keys[i].GetHashCode(StringComparison.Ordinal), bag.Values[i]));
                }

                return HashCode.Combine(Kind, sum);
            default:
                return HashCode.Combine(Kind, _bits);
        }
    }

    private static bool LongEqualsReal(long whole, double real) =>
        KqlArithmetic.TryTruncateToLong(real, out var truncated) && truncated == real && truncated == whole;

    private static bool BagsEqual(DynamicPropertyBag left, DynamicPropertyBag right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!right.TryGetValue(left.Keys[i], out var value) || !left.Values[i].Equals(value))
            {
                return false;
            }
        }

        return true;
    }
}
