using System.Buffers;
using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// parse / parse-where / parse-kv over a batch: one extraction per live row fills a string vector per field; typed
/// fields are converted a vector at a time (<c>to*()</c> rules). Passed-through columns are the input's own vectors.
/// </summary>
internal sealed class ParseOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly LogicalParse _plan;
    private readonly QueryContext _context;
    private readonly ExpressionEvaluator _source;
    private readonly ColumnVector[] _captured;
    private readonly ColumnVector?[] _typed;
    private readonly ConvertFunction?[] _converters;
    private readonly int[] _captureOfColumn;
    private readonly Batch _output;
    private readonly string?[] _values;
    private readonly bool[][] _found;
    private bool[] _matched = [];
    private int[] _selection = [];

    public ParseOperator(PhysicalOperator input, LogicalParse plan, QueryContext context)
        : base(plan.Schema)
    {
        _input = input;
        _plan = plan;
        _context = context;
        _source = new ExpressionEvaluator(plan.Source, context);
        var fields = plan.Ordinals.Length;
        _captured = new ColumnVector[fields];
        _typed = new ColumnVector?[fields];
        _converters = new ConvertFunction?[fields];
        _values = new string?[fields];
        _found = new bool[fields][];
        _captureOfColumn = new int[plan.Schema.Count];
        Array.Fill(_captureOfColumn, -1);
        for (var k = 0; k < _captured.Length; k++)
        {
            var type = PhysicalKinds.Normalize(plan.Schema.Columns[plan.Ordinals[k]].Type);
            _found[k] = new bool[Batch.DefaultCapacity];
            _captured[k] = new ColumnVector(ScalarType.String, Batch.DefaultCapacity);
            if (type != ScalarType.String)
            {
                _typed[k] = new ColumnVector(type, Batch.DefaultCapacity);
                _converters[k] = new ConvertFunction("to" + TypeFacts.GetName(type));
            }

            _captureOfColumn[plan.Ordinals[k]] = k;
        }

        _output = new Batch(new ColumnVector[plan.Schema.Count], 0);
    }

    public override Batch? Next()
    {
        while (_input.Next() is { } batch)
        {
            var kept = Parse(batch);
            if (kept > 0)
            {
                return _output;
            }
        }

        return null;
    }

    private int Parse(Batch batch)
    {
        var rows = batch.RowCount;
        var source = _source.Evaluate(batch);
        if (_matched.Length < rows)
        {
            _matched = new bool[Math.Max(rows, Batch.DefaultCapacity)];
        }

        foreach (var vector in _captured)
        {
            vector.Reset(rows);
        }

        var live = batch.Count;
        var fields = _values.Length;
        for (var k = 0; k < fields; k++)
        {
            if (_found[k].Length < rows)
            {
                _found[k] = new bool[rows];
            }
        }

        for (var i = 0; i < live; i++)
        {
            var row = batch.RowAt(i);
            _values.AsSpan().Clear();
            _matched[row] = _plan.Extractor.TryExtract(source.GetString(row), _values);
            for (var k = 0; k < fields; k++)
            {
                _found[k][row] = _values[k] is not null;
                _captured[k].Strings[row] = _values[k] ?? string.Empty;
            }
        }

        for (var k = 0; k < fields; k++)
        {
            if (_typed[k] is { } typed)
            {
                typed.Reset(rows);
                _converters[k]!.Evaluate([_captured[k]], typed, rows, _context);
            }
        }

        // A typed capture that does not convert fails the whole row, except in relaxed mode (where it alone is null).
        for (var i = 0; i < live; i++)
        {
            var row = batch.RowAt(i);
            if (_matched[row] && !_plan.Relaxed)
            {
                for (var k = 0; k < fields; k++)
                {
                    if (_typed[k] is { } typed && typed.IsNull(row))
                    {
                        _matched[row] = false;
                        break;
                    }
                }
            }

            for (var k = 0; k < fields; k++)
            {
                if (!_matched[row] || !_found[k][row])
                {
                    _captured[k].Strings[row] = string.Empty;
                    _typed[k]?.SetNull(row);
                }
            }
        }

        for (var c = 0; c < _output.Columns.Length; c++)
        {
            var k = _captureOfColumn[c];
            _output.Columns[c] = k < 0 ? batch.Columns[c] : _typed[k] ?? _captured[k];
        }

        _output.RowCount = rows;
        if (!_plan.KeepOnlyMatches)
        {
            _output.Selection = batch.Selection;
            _output.SelectedCount = batch.SelectedCount;
            return live;
        }

        if (_selection.Length < rows)
        {
            ArrayPool<int>.Shared.Return(_selection);
            _selection = ArrayPool<int>.Shared.Rent(Math.Max(rows, Batch.DefaultCapacity));
        }

        var count = 0;
        for (var i = 0; i < live; i++)
        {
            var row = batch.RowAt(i);
            if (_matched[row])
            {
                _selection[count++] = row;
            }
        }

        _output.Selection = _selection;
        _output.SelectedCount = count;
        return count;
    }

    public override void Dispose()
    {
        _source.Dispose();
        foreach (var vector in _captured)
        {
            vector.Dispose();
        }

        foreach (var vector in _typed)
        {
            vector?.Dispose();
        }

        if (_selection.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_selection);
        }

        _input.Dispose();
    }
}
