using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary><c>range Name from A to B step S</c>: A, A+S, ... while not past B (numbers, datetimes, timespans).</summary>
internal sealed class LogicalRange(TableSchema schema, ScalarExpr from, ScalarExpr to, ScalarExpr step) : LeafLogicalOperator(schema)
{
    public ScalarExpr From { get; } = from;

    public ScalarExpr To { get; } = to;

    public ScalarExpr Step { get; } = step;

    public LogicalRange With(ScalarExpr from, ScalarExpr to, ScalarExpr step) => new(Schema, from, to, step);

    public override string Describe() => $"Range {Schema.Columns[0].Name} from {From} to {To} step {Step}";
}
