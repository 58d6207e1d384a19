using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Most sequence occurrences sequence_detect returns before failing (each step pairs with every later match).</summary>
    private const int MaxSequenceOccurrences = 1_000_000;

    /// <summary>Most partial sequences sequence_detect follows before failing.</summary>
    private const long MaxSequenceWork = 50_000_000;

    /// <summary>
    /// sequence_detect(TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Expr1, Expr2, ..., Dim1, Dim2, ...):
    /// per combination of the dimensions, every occurrence of rows r1, r2, ... in timeline order where ri satisfies
    /// Expri, each step comes at most MaxSequenceStepWindow after the one before and the last at most MaxSequenceSpan
    /// after the first (as the reference's example, one heat event pairs with each wildfire that follows in time).
    /// The boolean arguments are the steps and the others the dimensions. Output: the dimensions, one
    /// Expr_TimelineColumn column per step (named steps keep their name), and Duration (last minus first), ordered by
    /// the first step's time.
    /// </summary>
    private LogicalValues PlanSequenceDetect(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "sequence_detect";
        var arguments = new List<Expression>(call.Arguments);
        if (arguments.Count < 4)
        {
            throw new QueryException(QueryErrorKind.Semantic, "sequence_detect needs TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan and step predicates.");
        }

        var timelineName = PluginColumn(arguments[0], input.Schema, $"{plugin} timeline column");
        var timelineType = PlanTypes.Normalize(input.Schema.Columns[input.Schema.IndexOf(timelineName)].Type);
        if (timelineType is not (ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.Long or ScalarType.Int))
        {
            throw QueryException.NotSupported($"{plugin} over a timeline of type {timelineType}");
        }

        var stepWindow = ActivityTimeline.Span(PluginConstant(arguments[1], $"{plugin} step window"), timelineType, plugin, "max sequence step window");
        var span = ActivityTimeline.Span(PluginConstant(arguments[2], $"{plugin} span"), timelineType, plugin, "max sequence span");

        var projected = new List<NamedExpr> { new("\u0001t", ColumnOf(input.Schema, timelineName)) };
        var steps = new List<string>();
        var dimensionColumns = new List<ColumnSymbol>();
        var dimensionExprs = new List<NamedExpr>();
        for (var i = 3; i < arguments.Count; i++)
        {
            var (name, expression) = Unname(arguments[i]);
            var planned = PlanScalar(expression, input.Schema);
            if (planned.Type == ScalarType.Bool && (arguments[i] is SimpleNamedExpression || dimensionColumns.Count == 0))
            {
                if (dimensionColumns.Count > 0)
                {
                    throw new QueryException(QueryErrorKind.Semantic, "sequence_detect's step predicates must come before its dimensions.");
                }

                steps.Add(arguments[i] is SimpleNamedExpression ? name! : $"e{steps.Count + 1}");
                projected.Add(new NamedExpr($"\u0001s{steps.Count}", planned));
            }
            else
            {
                var columnName = name ?? $"Column{dimensionColumns.Count + 1}";
                dimensionColumns.Add(new ColumnSymbol(columnName, PlanTypes.Normalize(planned.Type)));
                dimensionExprs.Add(new NamedExpr($"\u0001d{dimensionExprs.Count}", planned));
            }
        }

        if (steps.Count == 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "sequence_detect needs at least one boolean step predicate.");
        }

        projected.AddRange(dimensionExprs);
        var groups = new Dictionary<string, (ScalarValue[] Key, List<(long Time, bool[] Matches)> Rows)>(StringComparer.Ordinal);
        var order = new List<string>();
        var key = new System.Text.StringBuilder();
        foreach (var row in Materialize(new LogicalProject(input, projected)))
        {
            if (row[0].IsNull)
            {
                continue;
            }

            var matches = new bool[steps.Count];
            var any = false;
            for (var s = 0; s < steps.Count; s++)
            {
                matches[s] = row[1 + s] is { IsNull: false, Bool: true };
                any |= matches[s];
            }

            if (!any)
            {
                continue;
            }

            key.Clear();
            var dims = new ScalarValue[dimensionExprs.Count];
            for (var d = 0; d < dims.Length; d++)
            {
                dims[d] = row[1 + steps.Count + d];
                key.Append(dims[d].IsNull ? "\u0002" : PluginValues.Text(dims[d])).Append('\u0001');
            }

            if (!groups.TryGetValue(key.ToString(), out var group))
            {
                group = (dims, []);
                groups[key.ToString()] = group;
                order.Add(key.ToString());
            }

            group.Rows.Add((row[0].Int64, matches));
        }

        var columns = new List<ColumnSymbol>(dimensionColumns);
        foreach (var step in steps)
        {
            columns.Add(new ColumnSymbol($"{step}_{timelineName}", timelineType));
        }

        var durationType = timelineType is ScalarType.DateTime or ScalarType.TimeSpan ? ScalarType.TimeSpan : ScalarType.Long;
        columns.Add(new ColumnSymbol("Duration", durationType));
        var schema = TableSchema.WithUniqueNames(columns);

        var occurrences = new List<(long First, ScalarValue[] Row)>();
        var work = 0L;
        foreach (var groupKey in order)
        {
            var (dims, rows) = groups[groupKey];
            rows.Sort((a, b) => a.Time.CompareTo(b.Time));
            var chosen = new int[steps.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Matches[0])
                {
                    chosen[0] = r;
                    Extend(1);
                }
            }

            void Extend(int step)
            {
                if (++work > MaxSequenceWork)
                {
                    throw new QueryException(QueryErrorKind.Runtime, $"{plugin}: too many partial sequences to follow; narrow the windows or the predicates.");
                }

                var previous = rows[chosen[step - 1]].Time;
                var first = rows[chosen[0]].Time;
                if (step == steps.Count)
                {
                    if (occurrences.Count >= MaxSequenceOccurrences)
                    {
                        throw new QueryException(QueryErrorKind.Runtime, $"{plugin}: more than {MaxSequenceOccurrences} sequence occurrences; narrow the windows or the predicates.");
                    }

                    var output = new ScalarValue[schema.Count];
                    dims.CopyTo(output, 0);
                    for (var s = 0; s < steps.Count; s++)
                    {
                        var time = rows[chosen[s]].Time;
                        output[dims.Length + s] = timelineType == ScalarType.Int ? ScalarValue.FromInt((int)time) : ScalarValue.FromInt64(timelineType, time);
                    }

                    var duration = previous - first;
                    output[^1] = durationType == ScalarType.TimeSpan ? ScalarValue.FromTimeSpan(duration) : ScalarValue.FromLong(duration);
                    occurrences.Add((first, output));
                    return;
                }

                for (var next = chosen[step - 1] + 1; next < rows.Count; next++)
                {
                    var time = rows[next].Time;
                    if (time - previous > stepWindow || time - first > span)
                    {
                        break;
                    }

                    if (rows[next].Matches[step])
                    {
                        chosen[step] = next;
                        Extend(step + 1);
                    }
                }
            }
        }

        var sorted = occurrences.OrderBy(o => o.First).Select(o => o.Row).ToList();
        return PluginResult(schema, sorted);
    }
}
