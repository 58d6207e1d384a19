using Vigil.Engine.Optimizer;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// Creates the <see cref="Aggregator"/> for a planned aggregate call and says which of its arguments are evaluated
/// per row (the rest are constants such as make_set's size limit). To add an aggregate, write an
/// <see cref="Aggregator"/> and add a case here.
/// </summary>
internal static class AggregateRegistry
{
    public static (Aggregator Aggregator, ScalarExpr[] RowArguments) Create(AggregateCall call, long nowTicks)
    {
        var args = call.Arguments;
        switch (call.Function)
        {
            case "count" when args.Length == 0:
                return (new CountAggregator(false), []);
            case "countif" when args.Length == 1:
                return (new CountAggregator(true), [FunctionRegistry.Convert(args[0], ScalarType.Bool)]);
            case "sum" when args.Length == 1:
                return (new SumAggregator(false, call.Outputs[0].Type), [args[0]]);
            case "avg" when args.Length == 1:
                return (new SumAggregator(true, call.Outputs[0].Type), [args[0]]);
            case "min" when args.Length == 1:
                return (new ExtremeAggregator(false, [call.Outputs[0].Type]), [FunctionRegistry.Convert(args[0], call.Outputs[0].Type)]);
            case "max" when args.Length == 1:
                return (new ExtremeAggregator(true, [call.Outputs[0].Type]), [FunctionRegistry.Convert(args[0], call.Outputs[0].Type)]);
            case "arg_max" or "arg_min" when args.Length >= 1:
            {
                var types = new ScalarType[args.Length];
                for (var i = 0; i < types.Length; i++)
                {
                    types[i] = args[i].Type;
                }

                return (new ExtremeAggregator(call.Function == "arg_max", types), args);
            }

            case "dcount" when args.Length is 1 or 2:
                return (new DistinctCountAggregator(), [args[0]]);
            case "dcountif" when args.Length is 2 or 3:
                return (new DistinctCountAggregator(conditional: true), [args[0], FunctionRegistry.Convert(args[1], ScalarType.Bool)]);
            case "make_set" or "make_list" when args.Length is 1 or 2:
                return (new MakeCollectionAggregator(call.Function == "make_set", MaxSize(args, nowTicks)), [args[0]]);
            case "take_any" when args.Length >= 1:
            {
                var types = new ScalarType[args.Length];
                for (var i = 0; i < types.Length; i++)
                {
                    types[i] = args[i].Type;
                }

                return (new TakeAnyAggregator(types), args);
            }

            default:
                throw QueryException.NotSupported($"The aggregate '{call.Function}' with {args.Length} argument(s)");
        }
    }

    private static long MaxSize(ScalarExpr[] args, long nowTicks)
    {
        if (args.Length < 2)
        {
            return MakeCollectionAggregator.DefaultMaxSize;
        }

        return ConstantFolding.TryFold(args[1], nowTicks) is { IsNull: false } value && value.Type is ScalarType.Int or ScalarType.Long
            ? Math.Max(0, value.Int64)
            : throw new QueryException(QueryErrorKind.Semantic, "The size limit of make_set/make_list must be a constant integer.");
    }
}
