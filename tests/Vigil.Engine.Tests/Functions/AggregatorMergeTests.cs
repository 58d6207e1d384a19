using System.Globalization;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Aggregates;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Tests.Functions;

/// <summary>
/// Aggregators fed two parts of the rows and then merged give what one aggregator fed all rows gives (the contract a
/// parallel scan relies on).
/// </summary>
public class AggregatorMergeTests
{
    private const int Rows = 3_000;

    public static TheoryData<string, string, int> Calls() => new()
    {
        { "count", "long", 0 },
        { "countif", "long", -1 },
        { "sum", "long", 1 },
        { "sumif", "long", 2 },
        { "avg", "real", 1 },
        { "min", "long", 1 },
        { "max", "long", 1 },
        { "arg_max", "long", 1 },
        { "dcount", "long", 1 },
        { "count_distinct", "long", 1 },
        { "make_list", "dynamic", 1 },
        { "make_set", "dynamic", 1 },
        { "take_any", "long", 1 },
        { "variance", "real", 1 },
        { "stdevp", "real", 1 },
        { "varianceif", "real", 2 },
        { "covariance", "real", 3 },
        { "binary_all_xor", "long", 1 },
        { "percentile", "long", 4 },
        { "merge_tdigest", "dynamic", 5 },
        { "buildschema", "dynamic", 6 },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Merged_partial_states_equal_a_single_pass(string function, string type, int shape)
    {
        var x = new ColumnExpr(0, "x", ScalarType.Long);
        var p = new ColumnExpr(1, "p", ScalarType.Bool);
        var d = new ColumnExpr(2, "d", ScalarType.Dynamic);
        ScalarExpr[] arguments = shape switch
        {
            0 => [],
            -1 => [p],
            1 => [x],
            2 => [x, p],
            3 => [x, x],
            4 => [x, new ConstantExpr(ScalarValue.FromLong(90))],
            5 => [d],
            _ => [new ColumnExpr(3, "s", ScalarType.Dynamic)],
        };
        TypeFacts.TryParse(type, out var outputType);
        var call = new AggregateCall(function, arguments, [new ColumnSymbol("out", outputType)]);

        var vectors = Inputs();
        var whole = Run(call, vectors, 0, Rows, null);
        var merged = Run(call, vectors, 0, Rows / 3, (vectors, Rows / 3, Rows));
        Assert.Equal(whole, merged);
    }

    private static ColumnVector[] Inputs()
    {
        var x = new ColumnVector(ScalarType.Long, Rows);
        var p = new ColumnVector(ScalarType.Bool, Rows);
        var d = new ColumnVector(ScalarType.Dynamic, Rows);
        var s = new ColumnVector(ScalarType.Dynamic, Rows);
        for (var i = 0; i < Rows; i++)
        {
            x.AppendValue(i % 11 == 0 ? ScalarValue.Null(ScalarType.Long) : ScalarValue.FromLong((i * 7919L) % 1_009));
            p.AppendValue(ScalarValue.FromBool(i % 4 != 0));
            var shape = (i % 5) switch
            {
                0 => "{\"a\": 1}",
                1 => "{\"a\": \"x\", \"b\": [1, 2]}",
                2 => "[{\"c\": true}]",
                3 => "1.5",
                _ => "{\"b\": [\"y\"], \"d\": {\"e\": 1}}",
            };
            Assert.True(global::Vigil.Engine.Values.DynamicValue.TryParseJson(shape, out var parsed));
            s.AppendValue(ScalarValue.FromDynamic(parsed));
        }

        // One digest per row, for merge_tdigest.
        for (var i = 0; i < Rows; i++)
        {
            var aggregator = new TDigestAggregator(ScalarType.Long, weighted: false);
            aggregator.Update([x], [i], [0]);
            var output = new ColumnVector(ScalarType.Dynamic, 1);
            aggregator.Finish(1, [output]);
            d.AppendValue(output.GetValue(0));
        }

        return [x, p, d, s];
    }

    /// <summary>Runs the call over rows [from, to) into three groups (row % 3), merging a second part when given.</summary>
    private static List<string> Run(AggregateCall call, ColumnVector[] vectors, int from, int to, (ColumnVector[] Vectors, int From, int To)? second)
    {
        var (aggregator, arguments) = AggregateRegistry.Create(call, 0);
        Feed(aggregator, arguments, vectors, from, to);
        if (second is { } part)
        {
            var (other, otherArguments) = AggregateRegistry.Create(call, 0);
            Feed(other, otherArguments, part.Vectors, part.From, part.To);
            aggregator.Merge(other, [0, 1, 2]);
        }

        var output = new ColumnVector(call.Outputs[0].Type, 3);
        aggregator.Finish(3, [output]);
        var cells = new List<string>();
        for (var g = 0; g < 3; g++)
        {
            var value = output.GetValue(g);
            cells.Add(value.Type == ScalarType.Real && !value.IsNull
                ? Math.Round(value.Real, 6).ToString(CultureInfo.InvariantCulture)
                : value.Type == ScalarType.Dynamic && call.Function == "merge_tdigest"
                    ? DigestPercentile(value)
                    : value.ToString());
        }

        return cells;
    }

    private static string DigestPercentile(ScalarValue value) =>
        TDigest.TryFromDynamic(value.Dynamic, out var digest) && digest.Percentile(50) is { } offset
            ? digest.ToTicks(offset).ToString(CultureInfo.InvariantCulture)
            : "none";

    private static void Feed(Aggregator aggregator, ScalarExpr[] arguments, ColumnVector[] vectors, int from, int to)
    {
        var columns = new ColumnVector[arguments.Length];
        for (var a = 0; a < arguments.Length; a++)
        {
            columns[a] = arguments[a] is ColumnExpr column ? vectors[column.Ordinal] : Constant(((ConstantExpr)arguments[a]).Value);
        }

        var rows = new int[to - from];
        var groups = new int[to - from];
        for (var i = from; i < to; i++)
        {
            rows[i - from] = i;
            groups[i - from] = i % 3;
        }

        aggregator.Update(columns, rows, groups);
    }

    private static ColumnVector Constant(ScalarValue value)
    {
        var vector = new ColumnVector(value.Type, Rows);
        vector.Fill(value, Rows);
        return vector;
    }
}
