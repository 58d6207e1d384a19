using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// <c>make_bag(bag [, max])</c>: one property bag with the properties of every bag of the group, in the order first
/// seen. Values that are not property bags (including nulls) are skipped; when a key repeats, its first value stays
/// (Kusto picks an arbitrary one). At most <c>max</c> keys (default 1,048,576).
/// </summary>
internal sealed class MakeBagAggregator(long maxSize) : Aggregator
{
    private DynamicPropertyBag.Builder?[] _bags = [];
    private HashSet<string>?[] _keys = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _bags, g);
            Ensure(ref _keys, g);
            var value = ConvertFunction.ToDynamic(values, rows[i]);
            if (value.Kind != DynamicKind.Bag)
            {
                continue;
            }

            var builder = _bags[g] ??= new DynamicPropertyBag.Builder();
            var keys = _keys[g] ??= new HashSet<string>(StringComparer.Ordinal);
            var bag = value.Bag;
            for (var k = 0; k < bag.Count && keys.Count < maxSize; k++)
            {
                if (keys.Add(bag.Keys[k]))
                {
                    builder.Set(bag.Keys[k], bag.Values[k]);
                }
            }
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var o = (MakeBagAggregator)other;
        for (var g = 0; g < groupMap.Length && g < o._bags.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _bags, t);
            Ensure(ref _keys, t);
            if (o._bags[g] is not { } theirs)
            {
                continue;
            }

            var bag = theirs.ToBag();
            var builder = _bags[t] ??= new DynamicPropertyBag.Builder();
            var keys = _keys[t] ??= new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < bag.Count && keys.Count < maxSize; k++)
            {
                if (keys.Add(bag.Keys[k]))
                {
                    builder.Set(bag.Keys[k], bag.Values[k]);
                }
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _bags, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var bag = _bags[g] is { } builder ? DynamicValue.FromBag(builder.ToBag()) : DynamicValue.EmptyBag;
            outputs[0].AppendValue(ScalarValue.FromDynamic(bag));
        }
    }
}
