using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

/// <summary>What the activity plugins share: the id and timeline columns, dimension groups, output columns.</summary>
internal sealed partial class Planner
{
    /// <summary>Most (row, period) pairs an activity plugin may spread its rows over, to bound work and memory.</summary>
    private const long MaxActivityCells = 50_000_000;

    /// <summary>The rows of one combination of dimension values: each row's timeline position and id.</summary>
    private sealed record ActivityGroup(ScalarValue[] Key, List<(long Position, ScalarValue Id)> Rows);

    /// <summary>
    /// Start and End when the query gives none: from the earliest row's position (aligned by <paramref name="alignStart"/>)
    /// to the latest row's; both 0 without rows.
    /// </summary>
    private static (ScalarValue Start, ScalarValue End) ActivityObservedRange(
        List<ActivityGroup> groups, ScalarType timelineType, Func<long, long> alignStart)
    {
        var (min, max) = (long.MaxValue, long.MinValue);
        foreach (var group in groups)
        {
            foreach (var (position, _) in group.Rows)
            {
                (min, max) = (Math.Min(min, position), Math.Max(max, position));
            }
        }

        (min, max) = min > max ? (0, 0) : (alignStart(min), max);
        return (Position(min), Position(max));

        ScalarValue Position(long value) =>
            timelineType == ScalarType.Int ? ScalarValue.FromInt((int)value) : ScalarValue.FromInt64(timelineType, value);
    }

    /// <summary>The start of the fixed-size period (counted from 0) that holds <paramref name="position"/>.</summary>
    private static long PeriodOf(long position, long period) => position - (((position % period) + period) % period);

    /// <summary>
    /// The input's rows grouped by the dimension columns, in order of first appearance; rows with a null timeline are
    /// left out. Ids are compared by value (dynamic ones by their text).
    /// </summary>
    private List<ActivityGroup> ActivityGroups(LogicalOperator input, int idColumn, int timelineColumn, int[] dimensions)
    {
        var groups = new Dictionary<string, ActivityGroup>(StringComparer.Ordinal);
        var ordered = new List<ActivityGroup>();
        var key = new System.Text.StringBuilder();
        foreach (var row in Materialize(input))
        {
            var position = row[timelineColumn];
            if (position.IsNull)
            {
                continue;
            }

            key.Clear();
            foreach (var d in dimensions)
            {
                key.Append(row[d].IsNull ? "\u0002" : PluginValues.Text(row[d])).Append('\u0001');
            }

            if (!groups.TryGetValue(key.ToString(), out var group))
            {
                var values = new ScalarValue[dimensions.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = row[dimensions[i]];
                }

                group = new ActivityGroup(values, []);
                groups[key.ToString()] = group;
                ordered.Add(group);
            }

            var id = row[idColumn];
            if (id.Type == ScalarType.Dynamic && !id.IsNull)
            {
                id = ScalarValue.FromString(PluginValues.Text(id));
            }

            group.Rows.Add((position.Int64, id));
        }

        return ordered;
    }

    /// <summary>The dimension columns named by the arguments from <paramref name="first"/> on.</summary>
    private static int[] ActivityDimensions(List<Expression> arguments, int first, TableSchema schema, string plugin)
    {
        var dimensions = new List<int>();
        for (var i = first; i < arguments.Count; i++)
        {
            dimensions.Add(schema.IndexOf(PluginColumn(arguments[i], schema, $"{plugin} dimension")));
        }

        return [.. dimensions];
    }

    /// <summary>The input's timeline column and its (normalized) type.</summary>
    private static (int Index, ScalarType Type) ActivityTimelineColumn(Expression argument, TableSchema schema, string plugin)
    {
        var index = schema.IndexOf(PluginColumn(argument, schema, $"{plugin} timeline column"));
        return (index, PlanTypes.Normalize(schema.Columns[index].Type));
    }

    /// <summary>Columns for the dimensions, named and typed as in the input.</summary>
    private static List<ColumnSymbol> ActivityDimensionColumns(TableSchema schema, int[] dimensions)
    {
        var columns = new List<ColumnSymbol>();
        foreach (var d in dimensions)
        {
            columns.Add(new ColumnSymbol(schema.Columns[d].Name, PlanTypes.Normalize(schema.Columns[d].Type)));
        }

        return columns;
    }
}
