using Vigil.Engine.Optimizer;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// Creates the <see cref="Aggregator"/> for a planned aggregate call and says which of its arguments are evaluated
/// per row (the rest are constants such as make_set's size limit). To add an aggregate, write an
/// <see cref="Aggregator"/> and add a case here. The <c>*if</c> forms wrap the plain aggregate in a
/// <see cref="ConditionalAggregator"/>, whose predicate is the last row argument.
/// </summary>
internal static class AggregateRegistry
{
    public static (Aggregator Aggregator, ScalarExpr[] RowArguments) Create(AggregateCall call, long nowTicks)
    {
        var args = call.Arguments;
        var output = call.Outputs.Length > 0 ? call.Outputs[0].Type : ScalarType.Unknown;
        switch (call.Function)
        {
            case "count" or "cnt" when args.Length == 0:
                return (new CountAggregator(false), []);
            case "count" when args.Length == 1:
                // count(expr) counts the rows where expr is not null.
                return (new CountAggregator(true), [FunctionRegistry.TryBind("isnotnull", [args[0]], ScalarType.Bool)
                    ?? throw QueryException.NotSupported("count(expr) over this type")]);
            case "countif" when args.Length == 1:
                return (new CountAggregator(true), [FunctionRegistry.Convert(args[0], ScalarType.Bool)]);
            case "sum" when args.Length == 1:
                return (new SumAggregator(false, output), [args[0]]);
            case "avg" when args.Length == 1:
                return (new SumAggregator(true, output), [args[0]]);
            case "sumif" when args.Length == 2:
                return Conditional(new SumAggregator(false, output), [args[0]], args[1]);
            case "avgif" when args.Length == 2:
                return Conditional(new SumAggregator(true, output), [args[0]], args[1]);
            case "min" or "max" when args.Length == 1:
                return (new ExtremeAggregator(call.Function == "max", [output]), [FunctionRegistry.Convert(args[0], output)]);
            case "minif" or "maxif" when args.Length == 2:
                return Conditional(new ExtremeAggregator(call.Function == "maxif", [output]), [FunctionRegistry.Convert(args[0], output)], args[1]);
            case "arg_max" or "arg_min" when args.Length >= 1:
                return (new ExtremeAggregator(call.Function == "arg_max", TypesOf(args)), args);
            case "dcount" when args.Length is 1 or 2:
                return (new HllAggregator(Accuracy(args, 1, nowTicks), HllAggregator.Mode.Count), [args[0]]);
            case "dcountif" when args.Length is 2 or 3:
                return Conditional(new HllAggregator(Accuracy(args, 2, nowTicks), HllAggregator.Mode.Count), [args[0]], args[1]);
            case "hll" when args.Length is 1 or 2:
                return (new HllAggregator(Accuracy(args, 1, nowTicks), HllAggregator.Mode.Sketch), [args[0]]);
            case "hll_if" when args.Length is 2 or 3:
                return Conditional(new HllAggregator(Accuracy(args, 2, nowTicks), HllAggregator.Mode.Sketch), [args[0]], args[1]);
            case "hll_merge" when args.Length == 1:
                return (new HllAggregator(HyperLogLog.DefaultAccuracy, HllAggregator.Mode.Merge), [args[0]]);
            case "count_distinct" when args.Length == 1:
                return (new DistinctCountAggregator(), [args[0]]);
            case "count_distinctif" when args.Length == 2:
                return Conditional(new DistinctCountAggregator(), [args[0]], args[1]);
            case "make_set" or "make_list" when args.Length is 1 or 2:
                return (new MakeCollectionAggregator(call.Function == "make_set", MaxSize(args, 1, nowTicks)), [args[0]]);
            case "make_set_if" or "make_list_if" when args.Length is 2 or 3:
                return Conditional(new MakeCollectionAggregator(call.Function == "make_set_if", MaxSize(args, 2, nowTicks)), [args[0]], args[1]);
            case "make_list_with_nulls" when args.Length == 1:
                return (new MakeCollectionAggregator(false, MakeCollectionAggregator.DefaultMaxSize, keepNulls: true), [args[0]]);
            case "make_bag" when args.Length is 1 or 2:
                return (new MakeBagAggregator(MaxSize(args, 1, nowTicks)), [args[0]]);
            case "make_bag_if" when args.Length is 2 or 3:
                return Conditional(new MakeBagAggregator(MaxSize(args, 2, nowTicks)), [args[0]], args[1]);
            case "take_any" when args.Length >= 1:
                return (new TakeAnyAggregator(TypesOf(args)), args);
            case "take_anyif" when args.Length == 2:
                return Conditional(new TakeAnyAggregator([args[0].Type]), [args[0]], args[1]);
            case "variance" or "variancep" or "stdev" or "stdevp" when args.Length == 1:
                return (Variance(call.Function), [args[0]]);
            case "varianceif" or "variancepif" or "stdevif" or "stdevpif" when args.Length == 2:
                return Conditional(Variance(call.Function[..^2]), [args[0]], args[1]);
            case "covariance" or "covariancep" when args.Length == 2:
                return (new CovarianceAggregator(call.Function == "covariance"), [args[0], args[1]]);
            case "covarianceif" or "covariancepif" when args.Length == 3:
                return Conditional(new CovarianceAggregator(call.Function == "covarianceif"), [args[0], args[1]], args[2]);
            case "binary_all_and" when args.Length == 1:
                return (new BinaryAggregator(BinaryAggregator.Operation.And, output), [args[0]]);
            case "binary_all_or" when args.Length == 1:
                return (new BinaryAggregator(BinaryAggregator.Operation.Or, output), [args[0]]);
            case "binary_all_xor" when args.Length == 1:
                return (new BinaryAggregator(BinaryAggregator.Operation.Xor, output), [args[0]]);
            case "percentile" or "percentiles" when args.Length >= 2 && DigestAggregator.Supports(args[0].Type):
                return (new PercentileAggregator(args[0].Type, false, Percents(args, 1, nowTicks), false), [args[0]]);
            case "percentilew" or "percentilesw" when args.Length >= 3 && DigestAggregator.Supports(args[0].Type):
                return (new PercentileAggregator(args[0].Type, true, Percents(args, 2, nowTicks), false), [args[0], args[1]]);
            case "percentiles_array" when args.Length >= 2 && DigestAggregator.Supports(args[0].Type):
                return (new PercentileAggregator(args[0].Type, false, Percents(args, 1, nowTicks), true), [args[0]]);
            case "percentilesw_array" when args.Length >= 3 && DigestAggregator.Supports(args[0].Type):
                return (new PercentileAggregator(args[0].Type, true, Percents(args, 2, nowTicks), true), [args[0], args[1]]);
            case "tdigest" when args.Length is 1 or 2 && DigestAggregator.Supports(args[0].Type):
                return (new TDigestAggregator(args[0].Type, args.Length == 2), args);
            case "buildschema" when args.Length == 1:
                return (new BuildSchemaAggregator(), [args[0]]);
            case "merge_tdigest" or "tdigest_merge" when args.Length == 1:
                return (new TDigestMergeAggregator(), [args[0]]);
            default:
                throw QueryException.NotSupported($"The aggregate '{call.Function}' with {args.Length} argument(s)");
        }
    }

    private static (Aggregator, ScalarExpr[]) Conditional(Aggregator inner, ScalarExpr[] rowArguments, ScalarExpr predicate) =>
        (new ConditionalAggregator(inner), [.. rowArguments, FunctionRegistry.Convert(predicate, ScalarType.Bool)]);

    private static VarianceAggregator Variance(string name) => name switch
    {
        "variance" => new VarianceAggregator(sample: true, squareRoot: false),
        "variancep" => new VarianceAggregator(sample: false, squareRoot: false),
        "stdev" => new VarianceAggregator(sample: true, squareRoot: true),
        _ => new VarianceAggregator(sample: false, squareRoot: true),
    };

    private static ScalarType[] TypesOf(ScalarExpr[] args)
    {
        var types = new ScalarType[args.Length];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = args[i].Type;
        }

        return types;
    }

    private static long MaxSize(ScalarExpr[] args, int index, long nowTicks)
    {
        if (args.Length <= index)
        {
            return MakeCollectionAggregator.DefaultMaxSize;
        }

        return ConstantFolding.TryFold(args[index], nowTicks) is { IsNull: false } value && value.Type is ScalarType.Int or ScalarType.Long
            ? Math.Max(0, value.Int64)
            : throw new QueryException(QueryErrorKind.Semantic, "The size limit of make_set/make_list/make_bag must be a constant integer.");
    }

    /// <summary>dcount/hll's accuracy level: a constant 0..4, 1 when omitted.</summary>
    private static int Accuracy(ScalarExpr[] args, int index, long nowTicks)
    {
        if (args.Length <= index)
        {
            return HyperLogLog.DefaultAccuracy;
        }

        return ConstantFolding.TryFold(args[index], nowTicks) is { IsNull: false } value && value.Type is ScalarType.Int or ScalarType.Long
            && value.Int64 is >= 0 and <= 4
            ? (int)value.Int64
            : throw new QueryException(QueryErrorKind.Semantic, "The accuracy of dcount/hll must be a constant integer from 0 to 4.");
    }

    /// <summary>The requested percentiles: constants from <paramref name="first"/> on, or one constant dynamic array.</summary>
    private static double[] Percents(ScalarExpr[] args, int first, long nowTicks)
    {
        var percents = new List<double>();
        for (var i = first; i < args.Length; i++)
        {
            var value = ConstantFolding.TryFold(args[i], nowTicks);
            if (value is { IsNull: false, Type: ScalarType.Dynamic } && value.Value.Dynamic.Kind == DynamicKind.Array)
            {
                foreach (var item in value.Value.Dynamic.ArrayItems)
                {
                    percents.Add(DynamicConversions.TryToReal(item, out var p) ? p : throw BadPercentile());
                }

                continue;
            }

            percents.Add(value switch
            {
                { IsNull: false, Type: ScalarType.Int or ScalarType.Long } v => v.Int64,
                { IsNull: false, Type: ScalarType.Real } v => v.Real,
                { IsNull: false, Type: ScalarType.Decimal } v => (double)v.Decimal,
                _ => throw BadPercentile(),
            });
        }

        foreach (var p in percents)
        {
            if (p is < 0 or > 100 || double.IsNaN(p))
            {
                throw BadPercentile();
            }
        }

        return [.. percents];
    }

    private static QueryException BadPercentile() =>
        new(QueryErrorKind.Semantic, "A percentile must be a constant number from 0 to 100.");
}
