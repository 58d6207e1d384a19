using Vigil.Engine.Functions.Aggregates;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// rolling_percentile(value, percentile, index, binSize, binsPerWindow [, dimension, ...]): per dimension
    /// combination and per bin of the index present in the data, the nearest-rank percentile of the values of that bin
    /// and the binsPerWindow-1 bins before it. Rows come sorted by the dimensions, then the bin.
    /// </summary>
    private LogicalValues PlanRollingPercentile(FunctionCallExpression call, LogicalOperator input)
    {
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 5)
        {
            throw new QueryException(QueryErrorKind.Semantic, "rolling_percentile needs value, percentile, index, bin size and bins per window.");
        }

        var valueColumn = PluginColumn(arguments[0], input.Schema, "value column");
        var percentValue = PluginConstant(arguments[1], "percentile");
        var percent = percentValue.Type switch
        {
            ScalarType.Int or ScalarType.Long => percentValue.Int64,
            ScalarType.Real => percentValue.Real,
            _ => double.NaN,
        };
        if (percentValue.IsNull || percent is < 0 or > 100 || double.IsNaN(percent))
        {
            throw new QueryException(QueryErrorKind.Semantic, "rolling_percentile's percentile must be a number from 0 to 100.");
        }

        var indexColumn = PluginColumn(arguments[2], input.Schema, "index column");
        var binSize = PluginConstant(arguments[3], "bin size");
        var window = PluginConstant(arguments[4], "bins per window");
        if (window.IsNull || window.Type is not (ScalarType.Int or ScalarType.Long) || window.Int64 < 1 || binSize.IsNull)
        {
            throw new QueryException(QueryErrorKind.Semantic, "rolling_percentile's bin size must be a constant and bins per window a positive integer.");
        }

        var dimensions = new List<string>();
        for (var i = 5; i < arguments.Count; i++)
        {
            dimensions.Add(PluginColumn(arguments[i], input.Schema, "dimension"));
        }

        var valueIndex = input.Schema.IndexOf(valueColumn);
        var valueType = PlanTypes.Normalize(input.Schema.Columns[valueIndex].Type);
        var indexIndex = input.Schema.IndexOf(indexColumn);
        var indexType = PlanTypes.Normalize(input.Schema.Columns[indexIndex].Type);
        if (!DigestAggregator.Supports(valueType) || indexType is not (ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.Long or ScalarType.Int or ScalarType.Real))
        {
            throw QueryException.NotSupported("rolling_percentile over these column types");
        }

        // Bins are kept as doubles for real indexes and as ticks/integers otherwise.
        var size = binSize.Type is ScalarType.Real ? binSize.Real : binSize.Int64;
        if (size <= 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "rolling_percentile's bin size must be positive.");
        }

        var groups = new Dictionary<string, (ScalarValue[] Key, SortedDictionary<double, List<ScalarValue>> Bins)>(StringComparer.Ordinal);
        foreach (var row in Materialize(input))
        {
            var index = row[indexIndex];
            if (index.IsNull || row[valueIndex].IsNull)
            {
                continue;
            }

            var position = index.Type == ScalarType.Real ? index.Real : index.Int64;
            var bin = Math.Floor(position / size) * size;
            if (index.Type != ScalarType.Real)
            {
                var ticks = index.Int64;
                var width = (long)size;
                bin = ticks - (((ticks % width) + width) % width);
            }

            var key = new ScalarValue[dimensions.Count];
            var keyText = new System.Text.StringBuilder();
            for (var d = 0; d < dimensions.Count; d++)
            {
                key[d] = row[input.Schema.IndexOf(dimensions[d])];
                keyText.Append(PluginValues.Text(key[d])).Append('\u0001');
            }

            if (!groups.TryGetValue(keyText.ToString(), out var group))
            {
                group = (key, new SortedDictionary<double, List<ScalarValue>>());
                groups[keyText.ToString()] = group;
            }

            if (!group.Bins.TryGetValue(bin, out var values))
            {
                group.Bins[bin] = values = [];
            }

            values.Add(row[valueIndex]);
        }

        var columns = new List<ColumnSymbol> { new(indexColumn, indexType) };
        foreach (var dimension in dimensions)
        {
            columns.Add(new ColumnSymbol(dimension, PlanTypes.Normalize(input.Schema.Columns[input.Schema.IndexOf(dimension)].Type)));
        }

        var resultType = valueType is ScalarType.Int ? ScalarType.Long : valueType is ScalarType.Decimal ? ScalarType.Real : valueType;
        var percentText = PluginValues.Text(percentValue).Replace('.', '_');
        columns.Add(new ColumnSymbol($"rolling_{window.Int64}_percentile_{valueColumn}_{percentText}", resultType));

        var orderedKeys = new List<string>(groups.Keys);
        orderedKeys.Sort(StringComparer.Ordinal);
        var rows = new List<ScalarValue[]>();
        foreach (var keyText in orderedKeys)
        {
            var (key, bins) = groups[keyText];
            foreach (var bin in bins.Keys)
            {
                var digest = new TDigest(valueType);
                var start = bin - ((window.Int64 - 1) * size);
                foreach (var (other, values) in bins)
                {
                    if (other < start || other > bin)
                    {
                        continue;
                    }

                    foreach (var value in values)
                    {
                        if (value.Type is ScalarType.Real)
                        {
                            digest.AddReal(value.Real, 1);
                        }
                        else if (value.Type is ScalarType.Decimal)
                        {
                            digest.AddReal((double)value.Decimal, 1);
                        }
                        else
                        {
                            digest.AddTicks(value.Int64, 1);
                        }
                    }
                }

                var row = new ScalarValue[columns.Count];
                row[0] = indexType == ScalarType.Real ? ScalarValue.FromReal(bin) : ScalarValue.FromInt64(indexType, (long)bin);
                key.CopyTo(row, 1);
                row[^1] = digest.Percentile(percent) is { } offset ? PercentileAggregator.ValueOf(digest, offset, resultType) : ScalarValue.Null(resultType);
                rows.Add(row);
            }
        }

        return PluginResult(new TableSchema(columns), rows);
    }

    /// <summary>
    /// dcount_intersect(hll1, hll2, ...): the input's columns plus s0, s1, ...: the distinct count of the first sketch,
    /// of the intersection of the first two, and so on. Exact while every sketch still counts exactly; otherwise by
    /// inclusion–exclusion over the estimated unions.
    /// </summary>
    private LogicalValues PlanDcountIntersect(FunctionCallExpression call, LogicalOperator input)
    {
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count is < 2 or > 16)
        {
            throw new QueryException(QueryErrorKind.Semantic, "dcount_intersect needs from 2 to 16 hll values.");
        }

        var projected = new List<NamedExpr>();
        foreach (var column in input.Schema.Columns)
        {
            projected.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            projected.Add(new NamedExpr("\u0001hll" + i, Functions.FunctionRegistry.Convert(PlanScalar(Unname(arguments[i]).Expression, input.Schema), ScalarType.Dynamic)));
        }

        var columns = new List<ColumnSymbol>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in input.Schema.Columns)
        {
            used.Add(column.Name);
            columns.Add(new ColumnSymbol(column.Name, PlanTypes.Normalize(column.Type)));
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            columns.Add(new ColumnSymbol(TableSchema.MakeUnique("s" + i, used), ScalarType.Long));
        }

        var rows = new List<ScalarValue[]>();
        var width = input.Schema.Count;
        foreach (var source in Materialize(new LogicalProject(input, projected)))
        {
            var row = new ScalarValue[columns.Count];
            Array.Copy(source, row, width);
            var sketches = new DynamicValue[arguments.Count];
            for (var i = 0; i < sketches.Length; i++)
            {
                sketches[i] = source[width + i].Dynamic;
            }

            for (var i = 0; i < sketches.Length; i++)
            {
                row[width + i] = IntersectionCount(sketches.AsSpan(0, i + 1)) is { } count ? ScalarValue.FromLong(count) : ScalarValue.Null(ScalarType.Long);
            }

            rows.Add(row);
        }

        return PluginResult(new TableSchema(columns), rows);
    }

    private const int MaxEstimatedIntersection = 10;

    private static long? IntersectionCount(ReadOnlySpan<DynamicValue> sketches)
    {
        var parsed = new HyperLogLog[sketches.Length];
        var allExact = true;
        for (var i = 0; i < sketches.Length; i++)
        {
            if (!HyperLogLog.TryFromDynamic(sketches[i], out parsed[i]))
            {
                return null;
            }

            allExact &= parsed[i].ExactHashes is not null;
        }

        if (allExact)
        {
            var common = new HashSet<ulong>(parsed[0].ExactHashes!);
            for (var i = 1; i < parsed.Length; i++)
            {
                common.IntersectWith(parsed[i].ExactHashes!);
            }

            return common.Count;
        }

        // |A1 ∩ ... ∩ An| = Σ over non-empty subsets S of (-1)^(|S|+1) |∪ S|: 2^n unions, so estimated sketches are
        // limited to a size where that stays cheap.
        if (sketches.Length > MaxEstimatedIntersection)
        {
            throw QueryException.NotSupported($"dcount_intersect of more than {MaxEstimatedIntersection} estimating (non-exact) hll values");
        }

        var total = 0.0;
        for (var mask = 1; mask < (1 << sketches.Length); mask++)
        {
            HyperLogLog? union = null;
            for (var i = 0; i < sketches.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    HyperLogLog.TryFromDynamic(sketches[i], out var copy);
                    if (union is null)
                    {
                        union = copy;
                    }
                    else
                    {
                        union.Merge(copy);
                    }
                }
            }

            var sign = (System.Numerics.BitOperations.PopCount((uint)mask) % 2 == 1) ? 1 : -1;
            total += sign * union!.Count();
        }

        return Math.Max(0, (long)Math.Round(total));
    }
}
