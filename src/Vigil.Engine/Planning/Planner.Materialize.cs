using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// Runs part of the plan now, over the query's snapshot, and returns its rows as values: for operators whose output
    /// columns depend on the data (evaluate bag_unpack, pivot) and plugins that work on whole inputs.
    /// </summary>
    private List<ScalarValue[]> Materialize(LogicalOperator input)
    {
        using var buffer = _run(input);
        var rows = new List<ScalarValue[]>(buffer.Count);
        for (var r = 0; r < buffer.Count; r++)
        {
            var values = new ScalarValue[buffer.Columns.Length];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = buffer.Columns[c].GetValue(r);
            }

            rows.Add(values);
        }

        return rows;
    }
}
