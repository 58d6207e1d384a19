using Vigil.Engine.Functions.Scalar;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The scalar side of the hll and t-digest sketches that the aggregates produce.</summary>
    private static void AddSketchFunctions(Registrar add)
    {
        add((_, a, t) => a.Length >= 2 && AllDynamic(a) ? Fixed(new HllMergeFunction(), a, ScalarType.Dynamic) : null, "hll_merge");
        add((_, a, t) => a.Length == 1 && AllDynamic(a) ? Fixed(new DcountHllFunction(), a, ScalarType.Long) : null, "dcount_hll");
        add((n, a, t) => a.Length >= 2 && AllDynamic(a) ? Fixed(new TDigestMergeFunction(n), a, ScalarType.Dynamic) : null, "merge_tdigest", "tdigest_merge");
        add((n, a, t) => a.Length is 2 or 3 && a[0].Type == ScalarType.Dynamic
            ? Fixed(new PercentileTDigestFunction(n, t, asArray: false), a[..2], t) : null, "percentile_tdigest");
        add((n, a, t) => a.Length >= 2 && a[0].Type == ScalarType.Dynamic
            ? Fixed(new PercentileTDigestFunction(n, ScalarType.Dynamic, asArray: true), a, ScalarType.Dynamic) : null, "percentiles_array_tdigest");
        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Fixed(new RankTDigestFunction(n, percent: false), a, ScalarType.Real) : null, "rank_tdigest");
        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Fixed(new RankTDigestFunction(n, percent: true), a, ScalarType.Real) : null, "percentrank_tdigest");
    }
}
