using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// The HyperLogLog aggregates: <c>dcount(x [, accuracy])</c> (the estimated count, 0 without values),
/// <c>hll(x [, accuracy])</c> (the sketch as dynamic, null without values) and <c>hll_merge(sketch)</c> (the union of
/// sketches made by hll; values that are not sketches are skipped). The *if forms come through
/// <see cref="ConditionalAggregator"/>.
/// </summary>
internal sealed class HllAggregator(int accuracy, HllAggregator.Mode mode) : Aggregator
{
    public enum Mode
    {
        Count,
        Sketch,
        Merge,
    }

    private HyperLogLog?[] _sketches = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _sketches, g);
            var row = rows[i];
            if (values.IsNull(row))
            {
                continue;
            }

            if (mode == Mode.Merge)
            {
                if (HyperLogLog.TryFromDynamic(ConvertFunction.ToDynamic(values, row), out var other))
                {
                    if (_sketches[g] is { } existing)
                    {
                        existing.Merge(other);
                    }
                    else
                    {
                        _sketches[g] = other;
                    }
                }

                continue;
            }

            (_sketches[g] ??= new HyperLogLog(accuracy)).Add(ValueHash.Of(values, row));
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var sketches = ((HllAggregator)other)._sketches;
        for (var g = 0; g < groupMap.Length && g < sketches.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _sketches, t);
            if (sketches[g] is not { } theirs)
            {
                continue;
            }

            if (_sketches[t] is { } mine)
            {
                mine.Merge(theirs);
            }
            else
            {
                HyperLogLog.TryFromDynamic(theirs.ToDynamic(), out var copy);
                _sketches[t] = copy;
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _sketches, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var sketch = _sketches[g];
            outputs[0].AppendValue(mode switch
            {
                Mode.Count => ScalarValue.FromLong(sketch?.Count() ?? 0),
                _ => sketch is null ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(sketch.ToDynamic()),
            });
        }
    }
}
