using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// The last step of make-series: over rows (by keys..., bin, aggregates...) from an aggregation, one row per
/// distinct by-key tuple with each aggregate as an array along the axis (absent bins hold the default) and the
/// axis values as the last column. Start/End are the axis range when written (End exclusive, or inclusive for
/// <c>in range()</c>); otherwise they come from the data's first and last bins.
/// </summary>
internal sealed class LogicalSeriesAssemble(
    LogicalOperator input, TableSchema schema, int keyCount, ScalarType axisType, ScalarValue step, ScalarValue? start, ScalarValue? end,
    bool endInclusive, IReadOnlyList<ScalarValue> defaults, bool nonEmpty)
    : UnaryLogicalOperator(input, schema)
{
    public int KeyCount { get; } = keyCount;

    public ScalarType AxisType { get; } = axisType;

    public ScalarValue Step { get; } = step;

    public ScalarValue? Start { get; } = start;

    public ScalarValue? End { get; } = end;

    public bool EndInclusive { get; } = endInclusive;

    /// <summary>Per aggregate: what absent bins hold.</summary>
    public IReadOnlyList<ScalarValue> Defaults { get; } = defaults;

    /// <summary><c>kind=nonempty</c>: no input rows still give one row of defaults (without by keys).</summary>
    public bool NonEmpty { get; } = nonEmpty;

    public override LogicalOperator WithInput(LogicalOperator input) =>
        new LogicalSeriesAssemble(input, Schema, KeyCount, AxisType, Step, Start, End, EndInclusive, Defaults, NonEmpty);

    public override string Describe() => $"SeriesAssemble step={Step} from={Start?.ToString() ?? "data"} to={End?.ToString() ?? "data"} keys={KeyCount}";
}
