using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

/// <summary>
/// Result schemas of the evaluate plugins whose columns follow from their arguments and the input's columns (the
/// pattern miners, the activity plugins, schema_merge), so later operators bind with real types. The engine builds
/// the same columns; null leaves the schema to the data (an open input, or arguments that are not columns).
/// </summary>
internal sealed partial class Binder
{
    private static readonly ColumnSymbol[] SchemaMergeColumns =
    [
        new("ColumnName", ScalarType.String),
        new("ColumnOrdinal", ScalarType.Int),
        new("DataType", ScalarType.String),
        new("ColumnType", ScalarType.String),
    ];

    private TableSchema? PluginResultSchema(string name, FunctionCallExpression call, TableSchema input)
    {
        if (input.IsOpen)
        {
            return null;
        }

        var positional = new List<Expression>();
        foreach (var argument in call.Arguments)
        {
            if (argument is not SimpleNamedExpression)
            {
                positional.Add(argument);
            }
        }

        ColumnSymbol? Column(int index) => index < positional.Count ? ColumnOf(positional[index]) : null;

        switch (name)
        {
            case "basket" or "autocluster":
                return PatternSchema(input, [Column(1)],
                    new("SegmentId", ScalarType.Int), new("Count", ScalarType.Long), new("Percent", ScalarType.Real));
            case "diffpatterns":
                return Column(0) is null ? null : PatternSchema(input, [Column(0), Column(3)],
                    new("SegmentId", ScalarType.Int), new("CountA", ScalarType.Long), new("CountB", ScalarType.Long),
                    new("PercentA", ScalarType.Real), new("PercentB", ScalarType.Real), new("PercentDiffAB", ScalarType.Real));
            case "sliding_window_counts":
                return ActivitySchema(Column(1), Dimensions(positional, 6), [new("Count", ScalarType.Long), new("dcount", ScalarType.Long)], dimensionsLast: false);
            case "activity_counts_metrics":
                return ActivitySchema(Column(1), Dimensions(positional, 5),
                    [new("count", ScalarType.Long), new("dcount", ScalarType.Long), new("new_dcount", ScalarType.Long), new("aggregated_dcount", ScalarType.Long)],
                    dimensionsLast: false);
            case "active_users_count":
                return ActivitySchema(Column(1), Dimensions(positional, 8), [new("dcount", ScalarType.Long)], dimensionsLast: false);
            case "activity_metrics":
            {
                var withRange = positional.Count >= 5 && Column(3) is null;
                return ActivitySchema(Column(1), Dimensions(positional, withRange ? 5 : 3),
                    [new("dcount_values", ScalarType.Long), new("dcount_newvalues", ScalarType.Long), new("retention_rate", ScalarType.Real), new("churn_rate", ScalarType.Real)],
                    dimensionsLast: true);
            }

            case "activity_engagement":
            {
                var withRange = positional.Count >= 6 && Column(4) is null && Column(5) is null;
                return ActivitySchema(Column(1), Dimensions(positional, withRange ? 6 : 4),
                    [new("dcount_activities_inner", ScalarType.Long), new("dcount_activities_outer", ScalarType.Long), new("activity_ratio", ScalarType.Real)],
                    dimensionsLast: true);
            }

            case "funnel_sequence_completion":
            {
                if (Column(1) is not { } timeline || Column(5) is not { } state)
                {
                    return null;
                }

                var period = timeline.Type is ScalarType.DateTime or ScalarType.TimeSpan ? ScalarType.TimeSpan : ScalarType.Long;
                return TableSchema.WithUniqueNames(
                    [timeline, new ColumnSymbol(state.Name, ScalarType.String), new("Period", period), new("dcount", ScalarType.Long)]);
            }

            case "schema_merge":
                return new TableSchema(SchemaMergeColumns);
            default:
                return null;
        }

        List<ColumnSymbol>? Dimensions(List<Expression> arguments, int first)
        {
            var dimensions = new List<ColumnSymbol>();
            for (var i = first; i < arguments.Count; i++)
            {
                if (ColumnOf(arguments[i]) is not { } column)
                {
                    return null;
                }

                dimensions.Add(column);
            }

            return dimensions;
        }
    }

    /// <summary>The leading result columns, then the input's columns but the excluded ones (split, weight).</summary>
    private static TableSchema PatternSchema(TableSchema input, ColumnSymbol?[] excluded, params ColumnSymbol[] leading)
    {
        var columns = new List<ColumnSymbol>(leading);
        foreach (var column in input.Columns)
        {
            if (Array.FindIndex(excluded, e => e is not null && e.Name == column.Name) < 0)
            {
                columns.Add(column);
            }
        }

        return TableSchema.WithUniqueNames(columns);
    }

    /// <summary>The timeline column, the dimensions and the metrics (the dimensions last for activity_metrics and activity_engagement).</summary>
    private static TableSchema? ActivitySchema(ColumnSymbol? timeline, List<ColumnSymbol>? dimensions, ColumnSymbol[] metrics, bool dimensionsLast)
    {
        if (timeline is null || dimensions is null)
        {
            return null;
        }

        var columns = new List<ColumnSymbol> { timeline };
        if (!dimensionsLast)
        {
            columns.AddRange(dimensions);
        }

        columns.AddRange(metrics);
        if (dimensionsLast)
        {
            columns.AddRange(dimensions);
        }

        return TableSchema.WithUniqueNames(columns);
    }
}
