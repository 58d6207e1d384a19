using Vigil.Engine.Functions.Scalar;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The series_* functions over dynamic arrays.</summary>
    private static void AddSeriesFunctions(Registrar add)
    {
        (string Name, SeriesMath.Binary Op)[] binaries =
        [
            ("series_add", SeriesMath.Binary.Add), ("series_subtract", SeriesMath.Binary.Subtract),
            ("series_multiply", SeriesMath.Binary.Multiply), ("series_divide", SeriesMath.Binary.Divide),
            ("series_pow", SeriesMath.Binary.Pow), ("series_greater", SeriesMath.Binary.Greater),
            ("series_greater_equals", SeriesMath.Binary.GreaterEquals), ("series_less", SeriesMath.Binary.Less),
            ("series_less_equals", SeriesMath.Binary.LessEquals), ("series_equals", SeriesMath.Binary.Equals),
            ("series_not_equals", SeriesMath.Binary.NotEquals),
        ];
        foreach (var (name, op) in binaries)
        {
            add((n, a, t) => a.Length == 2 ? Row(n, a, ScalarType.Dynamic, SeriesMath.BinaryRule(op)) : null, name);
        }

        (string Name, SeriesMath.Unary Op)[] unaries =
        [
            ("series_abs", SeriesMath.Unary.Abs), ("series_sign", SeriesMath.Unary.Sign), ("series_exp", SeriesMath.Unary.Exp),
            ("series_log", SeriesMath.Unary.Log), ("series_sin", SeriesMath.Unary.Sin), ("series_cos", SeriesMath.Unary.Cos),
            ("series_tan", SeriesMath.Unary.Tan), ("series_asin", SeriesMath.Unary.Asin), ("series_acos", SeriesMath.Unary.Acos),
            ("series_atan", SeriesMath.Unary.Atan), ("series_floor", SeriesMath.Unary.Floor), ("series_ceiling", SeriesMath.Unary.Ceiling),
        ];
        foreach (var (name, op) in unaries)
        {
            add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, SeriesMath.UnaryRule(op)) : null, name);
        }

        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Real, SeriesMath.Reduce("sum")) : null, "series_sum");
        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Real, SeriesMath.Reduce("product")) : null, "series_product");
        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Real, SeriesMath.Reduce("magnitude")) : null, "series_magnitude");
        add((n, a, t) => a.Length == 2 ? Row(n, a, ScalarType.Real, SeriesMath.DotProduct) : null, "series_dot_product");
        add((n, a, t) => a.Length is >= 2 and <= 4 ? Row(n, a[..2], ScalarType.Real, SeriesMath.CosineSimilarity, extra: a[2..]) : null, "series_cosine_similarity");
        add((n, a, t) => a.Length == 2 ? Row(n, a, ScalarType.Real, SeriesMath.Pearson) : null, "series_pearson_correlation");

        add((n, a, t) => a.Length is 1 or 2 ? Row(n, a, ScalarType.Dynamic, SeriesAnalysis.Stats(asBag: false)) : null, "series_stats");
        add((n, a, t) => a.Length is 1 or 2 ? Row(n, a, ScalarType.Dynamic, SeriesAnalysis.Stats(asBag: true)) : null, "series_stats_dynamic");
        add((n, a, t) => a.Length == 1 ? Row(n, a, ScalarType.Dynamic, SeriesAnalysis.FitLine(asBag: false)) : null, "series_fit_line");
        add((n, a, t) => a.Length == 1 ? Row(n, a, ScalarType.Dynamic, SeriesAnalysis.FitLine(asBag: true)) : null, "series_fit_line_dynamic");
        add((n, a, t) => a.Length == 1 ? Row(n, a, ScalarType.Dynamic, SeriesTwoLines.Fit(asBag: false)) : null, "series_fit_2lines");
        add((n, a, t) => a.Length == 1 ? Row(n, a, ScalarType.Dynamic, SeriesTwoLines.Fit(asBag: true)) : null, "series_fit_2lines_dynamic");
        add((n, a, t) => a.Length is 1 or 2 ? Row(n, a[..1], ScalarType.Dynamic, SeriesAnalysis.Fill(SeriesAnalysis.FillKind.Forward), extra: a[1..]) : null, "series_fill_forward");
        add((n, a, t) => a.Length is 1 or 2 ? Row(n, a[..1], ScalarType.Dynamic, SeriesAnalysis.Fill(SeriesAnalysis.FillKind.Backward), extra: a[1..]) : null, "series_fill_backward");
        add((n, a, t) => a.Length is >= 1 and <= 3 ? Row(n, a[..1], ScalarType.Dynamic, SeriesAnalysis.Fill(SeriesAnalysis.FillKind.Constant), extra: a[1..]) : null, "series_fill_const");
        add((n, a, t) => a.Length is >= 1 and <= 4 ? Row(n, a[..1], ScalarType.Dynamic, SeriesAnalysis.Fill(SeriesAnalysis.FillKind.Linear), extra: a[1..]) : null, "series_fill_linear");
        add((n, a, t) => a.Length == 3 ? Row(n, a, ScalarType.Dynamic, SeriesAnalysis.Iir) : null, "series_iir");
        add((n, a, t) => a.Length is >= 2 and <= 4 ? Row(n, a[..2], ScalarType.Dynamic, SeriesAnalysis.Fir, extra: a[2..]) : null, "series_fir");

        add((n, a, t) => a.Length is >= 1 and <= 5 ? Row(n, a[..1], ScalarType.Dynamic, SeriesOutliers.Score, extra: [.. a[1..2].Select(x => Convert(x, ScalarType.String)), .. a[2..]]) : null, "series_outliers");

        // Without a period (or -1) the period is detected (series_periods_detect).
        add(
            (n, a, t) => a.Length is >= 1 and <= 3
                ? a.Length == 1 || IsMinusOne(a[1])
                    ? Row(n, a[..1], ScalarType.Dynamic, SeriesDecompose.DetectedSeasonal, extra: a[1..])
                    : Row(n, a[..2], ScalarType.Dynamic, SeriesAnalysis.Seasonal, extra: a[2..])
                : null,
            "series_seasonal");

        add((n, a, t) => a.Length is >= 1 and <= 5 ? Row(n, a[..1], ScalarType.Dynamic, SeriesDecompose.Decompose, extra: Optional(a[1..], StringAt(1))) : null, "series_decompose");
        add((n, a, t) => a.Length is >= 2 and <= 5 ? Row(n, a[..2], ScalarType.Dynamic, SeriesDecompose.Forecast, extra: Optional(a[2..], StringAt(1))) : null, "series_decompose_forecast");
        add((n, a, t) => a.Length is >= 1 and <= 7 ? Row(n, a[..1], ScalarType.Dynamic, SeriesDecompose.Anomalies, extra: Optional(a[1..], StringAt(2, 4))) : null, "series_decompose_anomalies");
        add((n, a, t) => a.Length == 4 ? Row(n, a, ScalarType.Dynamic, SeriesPeriods.Detect) : null, "series_periods_detect");
        add((n, a, t) => a.Length is >= 2 and <= 17 ? Row(n, a, ScalarType.Dynamic, SeriesPeriods.Validate) : null, "series_periods_validate");
        add((n, a, t) => a.Length is 1 or 2 ? Row(n, a[..1], ScalarType.Dynamic, SeriesFourier.Transform(inverse: false), extra: a[1..]) : null, "series_fft");
        add((n, a, t) => a.Length is 1 or 2 ? Row(n, a[..1], ScalarType.Dynamic, SeriesFourier.Transform(inverse: true), extra: a[1..]) : null, "series_ifft");
        add((n, a, t) => a.Length is >= 1 and <= 3 ? Row(n, a[..1], ScalarType.Dynamic, SeriesPolynomial.Fit, extra: a[1..]) : null, "series_fit_poly");
    }

    /// <summary>Which optional arguments (by position among them) are strings.</summary>
    private static Func<int, bool> StringAt(params int[] positions) => positions.Contains;

    /// <summary>Optional arguments with the string ones converted to string (a null default stays a typed null).</summary>
    private static Planning.Expressions.ScalarExpr[] Optional(Planning.Expressions.ScalarExpr[] arguments, Func<int, bool> isString)
    {
        var converted = new Planning.Expressions.ScalarExpr[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            converted[i] = isString(i) ? Convert(arguments[i], ScalarType.String) : arguments[i];
        }

        return converted;
    }

    private static bool IsMinusOne(Planning.Expressions.ScalarExpr argument) =>
        argument is Planning.Expressions.ConstantExpr { Value: { IsNull: false, Type: ScalarType.Int or ScalarType.Long, Int64: -1 } };
}
