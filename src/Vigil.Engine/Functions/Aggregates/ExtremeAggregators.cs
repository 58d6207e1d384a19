using Vigil.Engine.Execution.Vectors;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// <c>min</c>/<c>max</c> (one argument) and <c>arg_min</c>/<c>arg_max</c> (the extreme of argument 0 plus the other
/// arguments' values from the same row). Null values of argument 0 are skipped. The best row per group is kept as a
/// copy in per-group vectors, compared with Kusto's value orderings.
/// </summary>
internal sealed class ExtremeAggregator : Aggregator
{
    private readonly bool _max;
    private readonly ColumnVector[] _best;
    private bool[] _has = [];
    private bool[] _hasFallback = [];

    public ExtremeAggregator(bool max, ReadOnlySpan<ScalarType> types)
    {
        _max = max;
        _best = new ColumnVector[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            _best[i] = new ColumnVector(types[i], 16);
        }
    }

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var key = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            var row = rows[i];
            Ensure(ref _has, g);
            Ensure(ref _hasFallback, g);
            Grow(g);
            if (key.IsNull(row))
            {
                // A group whose keys are all null still reports the other values of its first row (as Kusto does).
                if (!_has[g] && !_hasFallback[g])
                {
                    _hasFallback[g] = true;
                    for (var a = 0; a < _best.Length; a++)
                    {
                        _best[a].CopyRow(g, arguments[a], row);
                    }
                }

                continue;
            }

            if (_has[g])
            {
                // Copy the candidate into a scratch slot past every group, then compare slot with slot.
                var best = _best[0];
                best.EnsureCapacity(Math.Max(best.Count, g + 1) + 1);
                var scratch = best.Capacity - 1;
                best.CopyRow(scratch, key, row);
                var c = Sign(scratch, g);
                if (_max ? c <= 0 : c >= 0)
                {
                    continue;
                }
            }

            _has[g] = true;
            for (var a = 0; a < _best.Length; a++)
            {
                _best[a].CopyRow(g, arguments[a], row);
            }
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _has, groupCount);
        Ensure(ref _hasFallback, groupCount);
        Grow(groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            for (var a = 0; a < outputs.Length; a++)
            {
                if (_has[g] || _hasFallback[g])
                {
                    outputs[a].Append(_best[a], g);
                }
                else
                {
                    outputs[a].AppendValue(Planning.Expressions.ScalarValue.Null(outputs[a].Type));
                }
            }
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        // The other's best rows (and all-null fallbacks) compete as if they were input rows.
        var o = (ExtremeAggregator)other;
        var has = new bool[groupMap.Length];
        for (var g = 0; g < has.Length; g++)
        {
            has[g] = (g < o._has.Length && o._has[g]) || (g < o._hasFallback.Length && o._hasFallback[g]);
        }

        var (rows, groups) = Present(has, groupMap);
        Update(o._best, rows, groups);
    }

    /// <summary>The value order of slot <paramref name="scratch"/> against slot <paramref name="g"/>, ignoring positions.</summary>
    private int Sign(int scratch, int g)
    {
        var best = _best[0];
        return best.Kind switch
        {
            PhysicalKind.Int64 => best.Int64[scratch].CompareTo(best.Int64[g]),
            PhysicalKind.Real => Values.KqlOrdering.CompareReal(best.Real[scratch], best.Real[g]),
            PhysicalKind.Decimal => best.Decimal[scratch].CompareTo(best.Decimal[g]),
            PhysicalKind.Bool => best.Bool[scratch].CompareTo(best.Bool[g]),
            PhysicalKind.Guid => best.Guid[scratch].CompareTo(best.Guid[g]),
            PhysicalKind.String => string.CompareOrdinal(best.GetString(scratch), best.GetString(g)),
            _ => 0,
        };
    }

    private void Grow(int group)
    {
        foreach (var vector in _best)
        {
            vector.EnsureCapacity(group + 2);
            if (vector.Count <= group)
            {
                vector.Count = group + 1;
            }
        }
    }
}
