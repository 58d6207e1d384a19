using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// <c>buildschema(d)</c>: the smallest schema admitting every value of the group. A scalar gives its type name
/// ("long", "double", "string", ...), a property bag an object of its properties' schemas, an array
/// <c>{"indexer": schema of its items}</c>; several alternatives make a union array, in order of first appearance.
/// Nulls are skipped; a group without values gives null.
/// </summary>
internal sealed class BuildSchemaAggregator : Aggregator
{
    private SchemaNode?[] _schemas = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _schemas, g);
            var value = ConvertFunction.ToDynamic(arguments[0], rows[i]);
            if (!value.IsNull)
            {
                (_schemas[g] ??= new SchemaNode()).Add(value);
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _schemas, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            outputs[0].AppendValue(_schemas[g] is { } schema ? ScalarValue.FromDynamic(schema.ToDynamic()) : ScalarValue.Null(ScalarType.Dynamic));
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var schemas = ((BuildSchemaAggregator)other)._schemas;
        for (var g = 0; g < groupMap.Length && g < schemas.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _schemas, t);
            if (schemas[g] is { } theirs)
            {
                (_schemas[t] ??= new SchemaNode()).Merge(theirs);
            }
        }
    }

    /// <summary>The alternatives seen at one place of the values: type names, an object shape, an array shape.</summary>
    private sealed class SchemaNode
    {
        private readonly List<object> _alternatives = [];
        private Dictionary<string, SchemaNode>? _properties;
        private List<string>? _propertyOrder;
        private SchemaNode? _items;

        public void Add(DynamicValue value)
        {
            switch (value.Kind)
            {
                case DynamicKind.Null:
                    return;
                case DynamicKind.Bag:
                    if (_properties is null)
                    {
                        _properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                        _propertyOrder = [];
                        _alternatives.Add(_properties);
                    }

                    var bag = value.Bag;
                    for (var k = 0; k < bag.Count; k++)
                    {
                        if (!_properties.TryGetValue(bag.Keys[k], out var property))
                        {
                            _properties[bag.Keys[k]] = property = new SchemaNode();
                            _propertyOrder!.Add(bag.Keys[k]);
                        }

                        property.Add(bag.Values[k]);
                    }

                    return;
                case DynamicKind.Array:
                    if (_items is null)
                    {
                        _items = new SchemaNode();
                        _alternatives.Add(_items);
                    }

                    foreach (var item in value.ArrayItems)
                    {
                        _items.Add(item);
                    }

                    return;
                default:
                    var name = value.Kind switch
                    {
                        DynamicKind.Bool => "bool",
                        DynamicKind.Long => "long",
                        DynamicKind.Real => "double",
                        DynamicKind.Decimal => "decimal",
                        DynamicKind.DateTime => "datetime",
                        DynamicKind.TimeSpan => "timespan",
                        DynamicKind.Guid => "guid",
                        _ => "string",
                    };
                    if (!_alternatives.Contains(name))
                    {
                        _alternatives.Add(name);
                    }

                    return;
            }
        }

        /// <summary>Adds the alternatives of <paramref name="other"/> (as if its values had been added here).</summary>
        public void Merge(SchemaNode other)
        {
            foreach (var alternative in other._alternatives)
            {
                if (alternative is string name)
                {
                    if (!_alternatives.Contains(name))
                    {
                        _alternatives.Add(name);
                    }
                }
                else if (ReferenceEquals(alternative, other._properties))
                {
                    if (_properties is null)
                    {
                        _properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                        _propertyOrder = [];
                        _alternatives.Add(_properties);
                    }

                    foreach (var key in other._propertyOrder!)
                    {
                        if (!_properties.TryGetValue(key, out var property))
                        {
                            _properties[key] = property = new SchemaNode();
                            _propertyOrder!.Add(key);
                        }

                        property.Merge(other._properties![key]);
                    }
                }
                else
                {
                    if (_items is null)
                    {
                        _items = new SchemaNode();
                        _alternatives.Add(_items);
                    }

                    _items.Merge(other._items!);
                }
            }
        }

        public DynamicValue ToDynamic()
        {
            var items = new List<DynamicValue>(_alternatives.Count);
            foreach (var alternative in _alternatives)
            {
                if (alternative is string name)
                {
                    items.Add(DynamicValue.FromString(name));
                }
                else if (ReferenceEquals(alternative, _properties))
                {
                    var builder = new DynamicPropertyBag.Builder();
                    foreach (var key in _propertyOrder!)
                    {
                        builder.Set(key, _properties![key].ToDynamic());
                    }

                    items.Add(DynamicValue.FromBag(builder.ToBag()));
                }
                else
                {
                    var indexer = _items!.ToDynamic();
                    items.Add(DynamicValue.FromBag(new DynamicPropertyBag.Builder().Set("indexer", indexer).ToBag()));
                }
            }

            return items.Count == 1 ? items[0] : DynamicValue.FromArray([.. items]);
        }
    }
}
