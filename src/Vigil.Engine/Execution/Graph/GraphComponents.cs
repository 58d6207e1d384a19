namespace Vigil.Engine.Execution.Graph;

/// <summary>
/// Connected components for <c>graph-mark-components</c>. Ids are numbered from 0 in the order of each component's
/// first node, so they are stable for a given input order.
/// </summary>
internal static class GraphComponents
{
    /// <summary>Weak components: edges taken as undirected (union-find).</summary>
    public static long[] Weak(int nodes, IReadOnlyList<int> sources, IReadOnlyList<int> targets)
    {
        var parent = new int[nodes];
        for (var i = 0; i < nodes; i++)
        {
            parent[i] = i;
        }

        for (var e = 0; e < sources.Count; e++)
        {
            var a = Find(parent, sources[e]);
            var b = Find(parent, targets[e]);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var roots = new int[nodes];
        for (var i = 0; i < nodes; i++)
        {
            roots[i] = Find(parent, i);
        }

        return Number(roots);
    }

    /// <summary>Strong components: nodes that reach each other along edge directions (iterative Tarjan).</summary>
    public static long[] Strong(int nodes, IReadOnlyList<int> sources, IReadOnlyList<int> targets)
    {
        var start = new int[nodes + 1];
        for (var e = 0; e < sources.Count; e++)
        {
            start[sources[e] + 1]++;
        }

        for (var i = 0; i < nodes; i++)
        {
            start[i + 1] += start[i];
        }

        var next = new int[sources.Count];
        var fill = (int[])start.Clone();
        for (var e = 0; e < sources.Count; e++)
        {
            next[fill[sources[e]]++] = targets[e];
        }

        var order = new int[nodes];
        var low = new int[nodes];
        var component = new int[nodes];
        var onStack = new bool[nodes];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var counter = 0;
        for (var root = 0; root < nodes; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }

            calls.Push((root, start[root]));
            order[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (calls.Count > 0)
            {
                var (node, edge) = calls.Pop();
                if (edge < start[node + 1])
                {
                    calls.Push((node, edge + 1));
                    var to = next[edge];
                    if (order[to] < 0)
                    {
                        order[to] = low[to] = counter++;
                        stack.Push(to);
                        onStack[to] = true;
                        calls.Push((to, start[to]));
                    }
                    else if (onStack[to])
                    {
                        low[node] = Math.Min(low[node], order[to]);
                    }

                    continue;
                }

                if (low[node] == order[node])
                {
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = node;
                    }
                    while (member != node);
                }

                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return Number(component);
    }

    private static int Find(int[] parent, int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }

        return node;
    }

    /// <summary>Renumbers representative nodes 0, 1, ... in order of first appearance.</summary>
    private static long[] Number(int[] representatives)
    {
        var ids = new Dictionary<int, long>();
        var result = new long[representatives.Length];
        for (var i = 0; i < representatives.Length; i++)
        {
            if (!ids.TryGetValue(representatives[i], out var id))
            {
                id = ids.Count;
                ids[representatives[i]] = id;
            }

            result[i] = id;
        }

        return result;
    }
}
