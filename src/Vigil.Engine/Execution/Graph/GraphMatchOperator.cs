using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;

namespace Vigil.Engine.Execution.Graph;

/// <summary>
/// <c>graph-match</c> over one path pattern: builds the graph, walks every path of the pattern's segments by
/// depth-first search under the cycles rule, then emits one row per path with the named elements' properties
/// (arrays along the path for variable-length edges), node degrees and the path functions' values.
/// </summary>
internal sealed class GraphMatchOperator(PhysicalOperator edges, PhysicalOperator? nodes, LogicalGraphMatch plan, QueryContext context)
    : PhysicalOperator(plan.Schema)
{
    // Emitting every path of a dense graph could exhaust memory; Kusto also caps its results.
    private const int MaxMatches = 1_000_000;

    private RowBuffer? _output;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            using var edgeRows = GraphTableOperator.Drain(edges);
            using var nodeRows = nodes is null ? null : GraphTableOperator.Drain(nodes);
            var graph = new PropertyGraph(edgeRows, nodeRows, plan.Shape);
            var incident = new List<int>[graph.NodeCount];
            var degreeIn = new long[graph.NodeCount];
            var degreeOut = new long[graph.NodeCount];
            for (var n = 0; n < incident.Length; n++)
            {
                incident[n] = [];
            }

            for (var e = 0; e < graph.EdgeCount; e++)
            {
                incident[graph.EdgeSource(e)].Add(e);
                degreeOut[graph.EdgeSource(e)]++;
                degreeIn[graph.EdgeTarget(e)]++;
                if (graph.EdgeTarget(e) != graph.EdgeSource(e))
                {
                    incident[graph.EdgeTarget(e)].Add(e);
                }
            }

            var search = new Search(graph, incident, plan);
            for (var start = 0; start < graph.NodeCount; start++)
            {
                search.Run(start);
            }

            var view = new GraphView(graph, edgeRows, nodeRows, degreeIn, degreeOut);
            _output = new RowBuffer(Schema);
            var functionValues = new ScalarValue[plan.Functions.Count][];
            for (var f = 0; f < functionValues.Length; f++)
            {
                functionValues[f] = EvaluateFunction(plan.Functions[f], search.Matches, view);
            }

            for (var m = 0; m < search.Matches.Count; m++)
            {
                Emit(search.Matches[m], view, functionValues, m);
            }

            _emitter = new BufferEmitter(_output);
        }

        return _emitter.Next();
    }

    public override void Dispose()
    {
        _emitter?.Dispose();
        _output?.Dispose();
        edges.Dispose();
        nodes?.Dispose();
    }

    private void Emit(Match match, GraphView view, ScalarValue[][] functionValues, int index)
    {
        var columns = _output!.Columns;
        var c = 0;
        foreach (var output in plan.Outputs)
        {
            switch (output.Kind)
            {
                case GraphOutputKind.Node:
                    c = GraphTableOperator.AppendNode(view.Graph, match.PatternNode(output.Position), view.NodeRows, plan.Shape, columns, c, Schema);
                    break;
                case GraphOutputKind.DegreeIn:
                    columns[c++].AppendValue(ScalarValue.FromLong(view.DegreeIn[match.PatternNode(output.Position)]));
                    break;
                case GraphOutputKind.DegreeOut:
                    columns[c++].AppendValue(ScalarValue.FromLong(view.DegreeOut[match.PatternNode(output.Position)]));
                    break;
                case GraphOutputKind.Edge when !plan.Segments[output.Position].Variable:
                    c = GraphTableOperator.AppendEdge(view.Graph, match.Edges[match.SegmentStarts[output.Position]], view.EdgeRows, columns, c);
                    break;
                default:
                    c = AppendEdgeArrays(match, output.Position, view, columns, c);
                    break;
            }
        }

        foreach (var values in functionValues)
        {
            columns[c++].AppendValue(values[index]);
        }

        _output.Commit(1);
    }

    /// <summary>Each edge property of a variable-length edge as a dynamic array of its values along the path.</summary>
    private static int AppendEdgeArrays(Match match, int segment, GraphView view, ColumnVector[] columns, int c)
    {
        var from = match.SegmentStarts[segment];
        var to = match.SegmentStarts[segment + 1];
        var items = new DynamicValue?[to - from];
        for (var p = 0; p < view.EdgeRows.Columns.Length; p++)
        {
            for (var k = from; k < to; k++)
            {
                items[k - from] = DynamicArgs.ToDynamic(view.EdgeRows.Columns[p].GetValue(view.Graph.EdgeRow(match.Edges[k])));
            }

            columns[c++].AppendValue(ScalarValue.FromDynamic(DynamicValue.FromArray(items)));
        }

        return c;
    }

    /// <summary>Evaluates a path function's element expression over the elements of every match at once, then folds per match.</summary>
    private ScalarValue[] EvaluateFunction(GraphPathFunction function, List<Match> matches, GraphView view)
    {
        var owners = new List<int>();
        var elements = new List<int>();
        for (var m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            var from = match.SegmentStarts[function.Segment];
            var to = match.SegmentStarts[function.Segment + 1];
            if (function.InnerNodes)
            {
                for (var k = from + 1; k < to; k++)
                {
                    owners.Add(m);
                    elements.Add(match.Nodes[k]);
                }
            }
            else
            {
                for (var k = from; k < to; k++)
                {
                    owners.Add(m);
                    elements.Add(match.Edges[k]);
                }
            }
        }

        var table = function.InnerNodes ? NodeElements(elements, view) : EdgeElements(elements, view);
        ColumnVector values;
        try
        {
            values = WholeColumnEvaluator.Evaluate(function.Element, table, elements.Count, context);
        }
        finally
        {
            foreach (var column in table)
            {
                column.Dispose();
            }
        }

        using (values)
        {
            return Fold(function.Kind, matches.Count, owners, values);
        }
    }

    private static ScalarValue[] Fold(GraphPathFunctionKind kind, int matchCount, List<int> owners, ColumnVector values)
    {
        var result = new ScalarValue[matchCount];
        var lists = kind == GraphPathFunctionKind.Map ? new List<DynamicValue?>[matchCount] : null;
        var flags = new bool[matchCount];
        for (var m = 0; m < matchCount; m++)
        {
            // all() of no elements is true, any() false.
            flags[m] = kind == GraphPathFunctionKind.All;
            if (lists is not null)
            {
                lists[m] = [];
            }
        }

        for (var i = 0; i < owners.Count; i++)
        {
            var value = values.GetValue(i);
            var m = owners[i];
            if (lists is not null)
            {
                lists[m].Add(DynamicArgs.ToDynamic(value));
            }
            else
            {
                var holds = !value.IsNull && value.Bool;
                flags[m] = kind == GraphPathFunctionKind.All ? flags[m] && holds : flags[m] || holds;
            }
        }

        for (var m = 0; m < matchCount; m++)
        {
            result[m] = lists is not null
                ? ScalarValue.FromDynamic(DynamicValue.FromArray(lists[m].ToArray()))
                : ScalarValue.FromBool(flags[m]);
        }

        return result;
    }

    private static ColumnVector[] EdgeElements(List<int> elements, GraphView view)
    {
        var columns = new ColumnVector[view.EdgeRows.Columns.Length];
        for (var p = 0; p < columns.Length; p++)
        {
            columns[p] = new ColumnVector(view.EdgeRows.Columns[p].Type, Math.Max(elements.Count, 1));
        }

        foreach (var edge in elements)
        {
            GraphTableOperator.AppendEdge(view.Graph, edge, view.EdgeRows, columns, 0);
        }

        return columns;
    }

    /// <summary>Node element rows: the node properties, then in-degree and out-degree.</summary>
    private ColumnVector[] NodeElements(List<int> elements, GraphView view)
    {
        var schema = plan.NodeElementSchema;
        var columns = new ColumnVector[schema.Columns.Length];
        for (var p = 0; p < columns.Length; p++)
        {
            columns[p] = new ColumnVector(schema.Columns[p].Type, Math.Max(elements.Count, 1));
        }

        foreach (var node in elements)
        {
            var c = GraphTableOperator.AppendNode(view.Graph, node, view.NodeRows, plan.Shape, columns, 0, schema);
            columns[c++].AppendValue(ScalarValue.FromLong(view.DegreeIn[node]));
            columns[c].AppendValue(ScalarValue.FromLong(view.DegreeOut[node]));
        }

        return columns;
    }

    private sealed record GraphView(PropertyGraph Graph, RowBuffer EdgeRows, RowBuffer? NodeRows, long[] DegreeIn, long[] DegreeOut);

    /// <summary>A found path: its nodes (one more than its edges) and where each segment's edges start (plus the end).</summary>
    private sealed record Match(int[] Nodes, int[] Edges, int[] SegmentStarts)
    {
        public int PatternNode(int position) => Nodes[SegmentStarts[position]];
    }

    /// <summary>Depth-first enumeration of the paths of one pattern.</summary>
    private sealed class Search(PropertyGraph graph, List<int>[] incident, LogicalGraphMatch plan)
    {
        private readonly List<int> _nodes = [];
        private readonly List<int> _edges = [];
        private readonly int[] _starts = new int[plan.Segments.Count + 1];

        public List<Match> Matches { get; } = [];

        public void Run(int start)
        {
            _nodes.Clear();
            _edges.Clear();
            _nodes.Add(start);
            Extend(0, 0);
        }

        private void Extend(int segment, int hops)
        {
            if (segment == plan.Segments.Count)
            {
                if (Matches.Count >= MaxMatches)
                {
                    throw new QueryException(QueryErrorKind.Runtime, $"graph-match: more than {MaxMatches} matches.");
                }

                Matches.Add(new Match([.. _nodes], [.. _edges], (int[])_starts.Clone()));
                return;
            }

            var rule = plan.Segments[segment];
            if (hops >= rule.Min)
            {
                _starts[segment + 1] = _edges.Count;
                Extend(segment + 1, 0);
            }

            if (rule.Max >= 0 && hops >= rule.Max)
            {
                return;
            }

            var from = _nodes[^1];
            foreach (var edge in incident[from])
            {
                if (plan.Cycles == GraphCycles.UniqueEdges && _edges.Contains(edge))
                {
                    continue;
                }

                var source = graph.EdgeSource(edge);
                var target = graph.EdgeTarget(edge);
                for (var way = 0; way < 2; way++)
                {
                    // way 0 follows the edge forward, way 1 backward; a self-loop is taken once.
                    var (at, to) = way == 0 ? (source, target) : (target, source);
                    if (at != from || (way == 1 && source == target) || (rule.Direction == 1 && way == 1) || (rule.Direction == -1 && way == 0)
                        || (plan.Cycles == GraphCycles.None && _nodes.Contains(to)))
                    {
                        continue;
                    }

                    _edges.Add(edge);
                    _nodes.Add(to);
                    Extend(segment, hops + 1);
                    _edges.RemoveAt(_edges.Count - 1);
                    _nodes.RemoveAt(_nodes.Count - 1);
                }
            }
        }
    }
}
