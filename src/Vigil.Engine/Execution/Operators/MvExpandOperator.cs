using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// mv-expand: streams input rows into output batches of up to <see cref="Batch.DefaultCapacity"/> rows, one output row
/// per element (a row may span output batches). Expanded elements are gathered as dynamic values and converted to the
/// column's <c>to typeof()</c> type once per batch with the <c>to*()</c> rules (what does not convert is null).
/// </summary>
internal sealed class MvExpandOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly LogicalMvExpand _plan;
    private readonly QueryContext _context;
    private readonly ColumnVector[] _vectors;
    private readonly ColumnVector?[] _elements;
    private readonly ConvertFunction?[] _converters;
    private readonly int[] _itemOfColumn;
    private Batch? _batch;
    private int _position;
    private int _element;
    private int _rowElements = -1;
    private bool _done;

    public MvExpandOperator(PhysicalOperator input, LogicalMvExpand plan, QueryContext context)
        : base(plan.Schema)
    {
        _input = input;
        _plan = plan;
        _context = context;
        _vectors = Batch.CreateVectors(plan.Schema, Batch.DefaultCapacity);
        _elements = new ColumnVector?[plan.Ordinals.Length];
        _converters = new ConvertFunction?[plan.Ordinals.Length];
        _itemOfColumn = new int[plan.Schema.Count];
        Array.Fill(_itemOfColumn, -1);
        for (var i = 0; i < plan.Ordinals.Length; i++)
        {
            var type = plan.Schema.Columns[plan.Ordinals[i]].Type;
            _itemOfColumn[plan.Ordinals[i]] = i;
            if (PhysicalKinds.Normalize(type) != ScalarType.Dynamic)
            {
                _elements[i] = new ColumnVector(ScalarType.Dynamic, Batch.DefaultCapacity);
                _converters[i] = new ConvertFunction("to" + TypeFacts.GetName(type));
            }
        }
    }

    public override Batch? Next()
    {
        if (_done)
        {
            return null;
        }

        var capacity = Batch.DefaultCapacity;
        foreach (var vector in _vectors)
        {
            vector.Reset(capacity);
        }

        foreach (var elements in _elements)
        {
            elements?.Reset(capacity);
        }

        var produced = 0;
        while (produced < capacity)
        {
            if (_batch is null || _position >= _batch.Count)
            {
                _batch = _input.Next();
                _position = 0;
                _rowElements = -1;
                if (_batch is null)
                {
                    _done = true;
                    break;
                }

                continue;
            }

            var row = _batch.RowAt(_position);
            if (_rowElements < 0)
            {
                _rowElements = ElementCount(_batch, row);
                _element = 0;
            }

            if (_element >= _rowElements)
            {
                _position++;
                _rowElements = -1;
                continue;
            }

            EmitRow(_batch, row, _element, produced);
            produced++;
            _element++;
        }

        for (var i = 0; i < _converters.Length; i++)
        {
            if (_converters[i] is { } converter)
            {
                _elements[i]!.Count = produced;
                converter.Evaluate([_elements[i]!], _vectors[_plan.Ordinals[i]], produced, _context);
            }
        }

        foreach (var vector in _vectors)
        {
            vector.Count = produced;
        }

        return produced == 0 ? null : new Batch(_vectors, produced);
    }

    /// <summary>Rows a input row expands to: the most elements of any expanded value, within the limit.</summary>
    private int ElementCount(Batch batch, int row)
    {
        var count = 0;
        foreach (var ordinal in _plan.Ordinals)
        {
            var value = ValueAt(batch.Columns[ordinal], row);
            var elements = value.Kind is DynamicKind.Array or DynamicKind.Bag ? value.Count : 1;
            count = Math.Max(count, elements);
        }

        return (int)Math.Min(count, _plan.Limit);
    }

    private void EmitRow(Batch batch, int row, int element, int target)
    {
        for (var c = 0; c < _vectors.Length; c++)
        {
            var item = _itemOfColumn[c];
            if (c == _plan.IndexOrdinal)
            {
                _vectors[c].Int64[target] = element;
            }
            else if (item < 0)
            {
                _vectors[c].CopyRow(target, batch.Columns[c], row);
            }
            else
            {
                var value = ElementOf(ValueAt(batch.Columns[c], row), element, _plan.BagAsArray);
                var destination = _elements[item] ?? _vectors[c];
                destination.Dynamic[target] = value;
                if (value.IsNull)
                {
                    destination.SetNull(target);
                }
            }
        }
    }

    private static DynamicValue ValueAt(ColumnVector column, int row) =>
        column.IsNull(row) ? DynamicValue.Null : column.Dynamic[row] ?? DynamicValue.Null;

    /// <summary>
    /// The <paramref name="index"/>-th element: of an array, its item; of a bag, its property as a one-property bag
    /// (or <c>[key, value]</c>); a scalar or null is its own only element. Past the end: null.
    /// </summary>
    public static DynamicValue ElementOf(DynamicValue value, int index, bool bagAsArray)
    {
        switch (value.Kind)
        {
            case DynamicKind.Array:
            {
                var items = value.ArrayItems;
                return (uint)index < (uint)items.Length ? items[index] : DynamicValue.Null;
            }

            case DynamicKind.Bag:
            {
                var bag = value.Bag;
                if ((uint)index >= (uint)bag.Count)
                {
                    return DynamicValue.Null;
                }

                var key = bag.Keys[index];
                var property = bag.Values[index];
                return bagAsArray
                    ? DynamicValue.FromArray([DynamicValue.FromString(key), property])
                    : DynamicValue.FromBag(new DynamicPropertyBag.Builder(1).Set(key, property).ToBag());
            }

            default:
                return index == 0 ? value : DynamicValue.Null;
        }
    }

    public override void Dispose()
    {
        foreach (var vector in _vectors)
        {
            vector.Dispose();
        }

        foreach (var elements in _elements)
        {
            elements?.Dispose();
        }

        _input.Dispose();
    }
}
