using Vigil.Engine.Functions;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// make-series: rows outside [from, to) are dropped, an aggregation groups by the by keys and the binned axis
    /// (<c>bin_at(axis, step, from)</c>, or <c>bin(axis, step)</c> without from and for <c>in range()</c>), and
    /// <see cref="LogicalSeriesAssemble"/> turns each key's bins into arrays.
    /// </summary>
    private LogicalOperator PlanMakeSeries(MakeSeriesOperator makeSeries, LogicalOperator input, TableSchema output)
    {
        var axisType = PlanTypes.Normalize(_bound.GetType(makeSeries.Axis));
        var isReal = axisType == ScalarType.Real;
        if (axisType is not (ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.Long or ScalarType.Int or ScalarType.Real))
        {
            throw QueryException.NotSupported($"make-series on a {TypeFacts.GetName(axisType)} axis");
        }

        var physicalAxis = axisType == ScalarType.Int ? ScalarType.Long : axisType;
        var stepType = isReal ? ScalarType.Real : axisType == ScalarType.DateTime ? ScalarType.TimeSpan : physicalAxis;
        var range = makeSeries.Range;
        Expression? fromExpression = range.From, toExpression = range.To, stepExpression = range.Step;
        var inclusive = false;
        if (range.RangeCall is FunctionCallExpression { Arguments.Count: 3 } call)
        {
            fromExpression = call.Arguments[0];
            toExpression = call.Arguments[1];
            stepExpression = call.Arguments[2];
            inclusive = true;
        }

        if (stepExpression is null)
        {
            throw new QueryException(QueryErrorKind.Semantic, "make-series needs a step.");
        }

        var step = SeriesConstant(stepExpression, stepType, "step");
        var start = fromExpression is null ? (ScalarValue?)null : SeriesConstant(fromExpression, physicalAxis, "from");
        var end = toExpression is null ? (ScalarValue?)null : SeriesConstant(toExpression, physicalAxis, "to");
        if (step.IsNull || (isReal ? !(step.Real > 0) : step.Int64 <= 0))
        {
            throw new QueryException(QueryErrorKind.Semantic, "The make-series step must be positive.");
        }

        var axis = FunctionRegistry.Convert(PlanScalar(makeSeries.Axis, input.Schema), physicalAxis);
        var stepValue = isReal ? step : ScalarValue.FromInt64(physicalAxis, step.Int64);
        if (inclusive && start is { } rangeStart)
        {
            // in range(): the axis is binned with bin(), so the grid starts at the bin holding start.
            start = BinOf(rangeStart, stepValue, physicalAxis);
        }

        var filtered = input;
        if (start is { } low)
        {
            filtered = new LogicalFilter(filtered, Call(">=", [axis, new ConstantExpr(low)], ScalarType.Bool, makeSeries.Axis));
        }

        if (end is { } high)
        {
            filtered = new LogicalFilter(filtered, Call(inclusive ? "<=" : "<", [axis, new ConstantExpr(high)], ScalarType.Bool, makeSeries.Axis));
        }

        ScalarExpr[] binArguments = start is { } origin && !inclusive
            ? [axis, new ConstantExpr(stepValue), new ConstantExpr(origin)]
            : [axis, new ConstantExpr(stepValue)];
        var bin = new CallExpr(new SeriesBinFunction(), binArguments, physicalAxis);

        var position = 0;
        var groups = new List<NamedExpr>();
        foreach (var key in makeSeries.By is { } by ? [.. by.Expressions] : (IReadOnlyList<Expression>)[])
        {
            groups.Add(new NamedExpr(output.Columns[position++].Name, PlanScalar(Unname(key).Expression, input.Schema)));
        }

        var keyCount = groups.Count;
        groups.Add(new NamedExpr("\u0001bin", bin));
        var aggregates = new List<AggregateCall>();
        var defaults = new List<ScalarValue>();
        foreach (var series in makeSeries.Aggregates)
        {
            var expression = Unname(series.Expression).Expression;
            while (expression is ParenthesizedExpression parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is not FunctionCallExpression aggregate || _bound.GetInfo(aggregate)?.IsAggregate != true)
            {
                throw QueryException.NotSupported($"make-series item '{Snippet(series.Expression)}' (only aggregate calls)");
            }

            var arguments = new List<ScalarExpr>();
            foreach (var argument in aggregate.Arguments)
            {
                if (argument is not StarExpression)
                {
                    arguments.Add(PlanScalar(Unname(argument).Expression, input.Schema));
                }
            }

            var type = PlanTypes.Normalize(_bound.GetType(aggregate));
            aggregates.Add(new AggregateCall(NormalizeAggregateName(aggregate.Name.SimpleName), [.. arguments], [new ColumnSymbol("\u0001series" + aggregates.Count, type)]));
            var fallback = series.DefaultValue is { } written
                ? Optimizer.ConstantFolding.Fold(PlanScalar(written, TableSchema.Empty), _nowTicks)
                : new ConstantExpr(ScalarValue.FromLong(0));
            if (fallback is not ConstantExpr { Value: var value })
            {
                throw new QueryException(QueryErrorKind.Semantic, "The make-series default must be a constant.");
            }

            defaults.Add(value.IsNull || value.Type == type || type == ScalarType.Dynamic ? value : ConvertConstant(value, type));
        }

        var aggregated = new LogicalAggregate(filtered, groups, aggregates);
        var columns = new List<ColumnSymbol>();
        for (var i = 0; i < output.Count; i++)
        {
            columns.Add(i < keyCount ? output.Columns[i].WithType(aggregated.Schema.Columns[i].Type) : output.Columns[i].WithType(ScalarType.Dynamic));
        }

        var nonEmpty = false;
        foreach (var parameter in makeSeries.Parameters)
        {
            nonEmpty |= parameter.Name.Text == "kind" && parameter.Value.ToString().Trim() == "nonempty";
        }

        return new LogicalSeriesAssemble(aggregated, new TableSchema(columns), keyCount, physicalAxis, stepValue, start, end, inclusive, defaults, nonEmpty);
    }

    private ScalarValue SeriesConstant(Expression expression, ScalarType type, string what)
    {
        var folded = Optimizer.ConstantFolding.Fold(FunctionRegistry.Convert(PlanScalar(expression, TableSchema.Empty), type), _nowTicks);
        return folded is ConstantExpr { Value: var value } && !value.IsNull
            ? value
            : throw new QueryException(QueryErrorKind.Semantic, $"The make-series '{what}' must be a constant {TypeFacts.GetName(type)}.");
    }

    private ScalarValue ConvertConstant(ScalarValue value, ScalarType type) =>
        Optimizer.ConstantFolding.Fold(FunctionRegistry.Convert(new ConstantExpr(value), type), _nowTicks) is ConstantExpr { Value: var converted }
            ? converted
            : value;

    private static ScalarValue BinOf(ScalarValue value, ScalarValue step, ScalarType type)
    {
        if (type == ScalarType.Real)
        {
            return Binning.TryBin(value.Real, step.Real, out var real) ? ScalarValue.FromReal(real) : value;
        }

        var ok = type == ScalarType.DateTime
            ? Binning.TryBinDateTime(value.Int64, step.Int64, out var ticks)
            : Binning.TryBin(value.Int64, step.Int64, out ticks);
        return ok ? ScalarValue.FromInt64(type, ticks) : value;
    }
}
