using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// One window function call (<c>row_number</c>, <c>prev</c>, <c>row_cumsum</c>...) computed over the whole serialized
/// input. Its arguments read the input's columns and the outputs of the calls before it (nested windows such as
/// <c>row_rank_dense(x, prev(k) != k)</c> are planned inner first).
/// </summary>
internal sealed record WindowCall(string Function, ScalarExpr[] Arguments, ColumnSymbol Output)
{
    public override string ToString() => $"{Output.Name}={Function}({string.Join(", ", (IEnumerable<ScalarExpr>)Arguments)})";
}

/// <summary>Appends the window calls' columns to the input rows, keeping the input's order.</summary>
internal sealed class LogicalWindow(LogicalOperator input, IReadOnlyList<WindowCall> calls)
    : UnaryLogicalOperator(input, SchemaOf(input.Schema, calls))
{
    public IReadOnlyList<WindowCall> Calls { get; } = calls;

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalWindow(input, Calls);

    public override string Describe() => $"Window [{Join(Calls)}]";

    public override void Verify()
    {
        for (var i = 0; i < Calls.Count; i++)
        {
            var visible = Input.Schema.Count + i;
            foreach (var argument in Calls[i].Arguments)
            {
                argument.VisitColumns(ordinal =>
                {
                    if ((uint)ordinal >= (uint)visible)
                    {
                        throw new InvalidOperationException($"Plan invariant: {Describe()} reads column #{ordinal} of {visible} visible.");
                    }
                });
            }
        }

        base.Verify();
    }

    /// <summary>The input's columns followed by one column per call.</summary>
    public static TableSchema SchemaOf(TableSchema input, IEnumerable<WindowCall> calls) =>
        new([.. input.Columns, .. calls.Select(c => c.Output)]);
}
