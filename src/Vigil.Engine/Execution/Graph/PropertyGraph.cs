using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Graph;

/// <summary>
/// A graph built by <c>make-graph</c>: one node per distinct id (nodes table rows first, in order, the first row of
/// an id winning; then ids that only edges mention, in order of appearance, with empty properties), one edge per
/// edges row whose endpoints are not null. A node's id in outputs is its ordinal here.
/// </summary>
internal sealed class PropertyGraph
{
    private readonly List<int> _nodeRows = [];
    private readonly List<ScalarValue> _nodeKeys = [];
    private readonly List<int> _edgeRows = [];
    private readonly List<int> _edgeSources = [];
    private readonly List<int> _edgeTargets = [];

    public PropertyGraph(RowBuffer edges, RowBuffer? nodes, GraphShape shape)
    {
        var index = new Dictionary<ScalarValue, int>();
        if (nodes is not null)
        {
            var keys = nodes.Columns[shape.NodeKeyOrdinal];
            for (var row = 0; row < nodes.Count; row++)
            {
                var key = keys.GetValue(row);
                if (!key.IsNull && !index.ContainsKey(key))
                {
                    index[key] = _nodeRows.Count;
                    _nodeRows.Add(row);
                    _nodeKeys.Add(key);
                }
            }
        }

        var sources = edges.Columns[shape.SourceOrdinal];
        var targets = edges.Columns[shape.TargetOrdinal];
        for (var row = 0; row < edges.Count; row++)
        {
            var source = sources.GetValue(row);
            var target = targets.GetValue(row);
            if (source.IsNull || target.IsNull)
            {
                continue;
            }

            _edgeRows.Add(row);
            _edgeSources.Add(NodeOf(source, index));
            _edgeTargets.Add(NodeOf(target, index));
        }

        if (shape.MarkComponents)
        {
            Components = shape.StrongComponents ? GraphComponents.Strong(NodeCount, _edgeSources, _edgeTargets)
                : GraphComponents.Weak(NodeCount, _edgeSources, _edgeTargets);
        }
    }

    public int NodeCount => _nodeKeys.Count;

    public int EdgeCount => _edgeRows.Count;

    /// <summary>The component id of each node, when components were marked.</summary>
    public long[]? Components { get; }

    /// <summary>The nodes table row of a node, or -1 for a node only edges mention.</summary>
    public int NodeRow(int node) => _nodeRows[node];

    public ScalarValue NodeKey(int node) => _nodeKeys[node];

    public int EdgeRow(int edge) => _edgeRows[edge];

    public int EdgeSource(int edge) => _edgeSources[edge];

    public int EdgeTarget(int edge) => _edgeTargets[edge];

    private int NodeOf(ScalarValue key, Dictionary<ScalarValue, int> index)
    {
        if (!index.TryGetValue(key, out var node))
        {
            node = _nodeKeys.Count;
            index[key] = node;
            _nodeRows.Add(-1);
            _nodeKeys.Add(key);
        }

        return node;
    }
}
