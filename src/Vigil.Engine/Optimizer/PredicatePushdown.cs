using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Storage;

namespace Vigil.Engine.Optimizer;

/// <summary>
/// "predicate-pushdown": moves <c>where</c> conjuncts down through projections that only pass columns through, and
/// into table scans, where they are evaluated right after decoding and where range and term constraints derived
/// from them let the scan skip extents and blocks by storage's min/max statistics and term filters.
/// </summary>
internal sealed class PredicatePushdown : IOptimizerPass
{
    public const string PassName = "predicate-pushdown";

    public string Name => PassName;

    public LogicalOperator Run(LogicalOperator root, OptimizerContext context) =>
        PlanRewriter.BottomUp(root, static op => op is LogicalFilter filter ? Push(filter.Input, filter.Predicate) : op);

    private static LogicalOperator Push(LogicalOperator input, ScalarExpr predicate)
    {
        switch (input)
        {
            case LogicalScan scan:
            {
                var filters = new List<ScalarExpr>(scan.Filters);
                var conjuncts = new List<ScalarExpr>();
                PlanRewriter.SplitConjunction(predicate, conjuncts);
                foreach (var conjunct in conjuncts)
                {
                    // Scan filters read the table's own ordinals.
                    filters.Add(PlanRewriter.Remap(conjunct, c => new ColumnExpr(scan.Columns[c.Ordinal], c.Name, c.Type)));
                }

                return scan.WithFilters([.. filters], DerivePruning(scan.Table, filters));
            }

            case LogicalFilter inner:
                return Push(inner.Input, Combine(inner.Predicate, predicate));
            case LogicalProject project when PassesThrough(project, predicate):
            {
                var remapped = PlanRewriter.Remap(predicate, c => project.Columns[c.Ordinal].Expression);
                return project.WithInput(Push(project.Input, remapped));
            }

            case LogicalJoin join when join.Kind is not ("rightsemi" or "rightanti" or "rightouter" or "fullouter")
                && ReadsOnlyLeft(predicate, join.Left.Schema.Count):
                // Left columns keep their ordinals in the join's output. Kusto filters the left side before
                // innerunique picks one row per key, so this also gives its documented results.
                return join.WithChildren([Push(join.Left, predicate), join.Right]);
            default:
                return new LogicalFilter(input, predicate);
        }
    }

    private static ScalarExpr Combine(ScalarExpr first, ScalarExpr second) =>
        Functions.FunctionRegistry.TryBind("and", [first, second], ScalarType.Bool)!;

    private static bool ReadsOnlyLeft(ScalarExpr predicate, int leftWidth)
    {
        var ok = true;
        predicate.VisitColumns(ordinal => ok &= ordinal < leftWidth);
        return ok;
    }

    private static bool PassesThrough(LogicalProject project, ScalarExpr predicate)
    {
        var ok = true;
        predicate.VisitColumns(ordinal => ok &= project.Columns[ordinal].Expression is ColumnExpr);
        return ok;
    }

    /// <summary>Range constraints from <c>column op constant</c> conjuncts and term constraints from <c>has</c>/<c>==</c>/<c>in</c>.</summary>
    internal static ScanPruning DerivePruning(TableSymbol table, IReadOnlyList<ScalarExpr> filters)
    {
        var ranges = new Dictionary<int, (long Min, long Max)>();
        var terms = new List<TermConstraint>();
        foreach (var filter in filters)
        {
            if (filter is not CallExpr call)
            {
                continue;
            }

            var name = call.Function.Name;
            if (call.Arguments.Length == 2 && name is "==" or "<" or "<=" or ">" or ">=")
            {
                AddRange(call, name, ranges);
            }

            if (call.Arguments.Length >= 2 && call.Arguments[0] is ColumnExpr { Type: ScalarType.String } text
                && name is "has" or "has_cs" or "==" or "=~" or "in" or "in~" or "has_any")
            {
                var anyOf = new List<string>();
                for (var i = 1; i < call.Arguments.Length; i++)
                {
                    if (call.Arguments[i] is not ConstantExpr { Value.Type: ScalarType.String } constant
                        || constant.Value.String.Length < KustoTermTokenizer.MinIndexedTermLength
                        || !KustoTermTokenizer.IsSingleTerm(constant.Value.String))
                    {
                        anyOf = null;
                        break;
                    }

                    anyOf.Add(constant.Value.String);
                }

                if (anyOf is { Count: > 0 })
                {
                    terms.Add(new TermConstraint(text.Ordinal, text.Name, anyOf));
                }
            }
        }

        var list = new List<RangeConstraint>();
        foreach (var (column, (min, max)) in ranges)
        {
            list.Add(new RangeConstraint(column, table.Columns[column].Name, min, max));
        }

        return list.Count == 0 && terms.Count == 0 ? ScanPruning.None : new ScanPruning(list, terms);
    }

    private static void AddRange(CallExpr call, string name, Dictionary<int, (long Min, long Max)> ranges)
    {
        var (column, constant, flipped) = call.Arguments switch
        {
            [ColumnExpr c, ConstantExpr k] => (c, k, false),
            [ConstantExpr k, ColumnExpr c] => (c, k, true),
            _ => (null, null, false),
        };
        if (column is null || constant is null || constant.Value.IsNull || constant.Value.Type != column.Type
            || column.Type is not (ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.Long or ScalarType.Int))
        {
            return;
        }

        if (flipped)
        {
            name = name switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => name };
        }

        var value = constant.Value.Int64;
        var (min, max) = ranges.GetValueOrDefault(column.Ordinal, (long.MinValue, long.MaxValue));
        switch (name)
        {
            case "==": min = Math.Max(min, value); max = Math.Min(max, value); break;
            case ">": min = Math.Max(min, value == long.MaxValue ? value : value + 1); break;
            case ">=": min = Math.Max(min, value); break;
            case "<": max = Math.Min(max, value == long.MinValue ? value : value - 1); break;
            case "<=": max = Math.Min(max, value); break;
        }

        ranges[column.Ordinal] = (min, max);
    }
}
