using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The dynamic values: arrays, sets, property bags, JSON, zip and treepath.</summary>
    private static void AddDynamicFunctions(Registrar add)
    {
        add((n, a, t) => a.Length >= 1 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Concat) : null, "array_concat");
        add((n, a, t) => a.Length == 3 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Iff, propagatesNulls: false) : null, "array_iff", "array_iif");
        add((n, a, t) => a.Length is >= 2 and <= 5 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Long, DynamicArrays.IndexOf) : null, "array_index_of");
        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Reverse) : null, "array_reverse");
        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Rotate(left: true)) : null, "array_rotate_left");
        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Rotate(left: false)) : null, "array_rotate_right");
        add((n, a, t) => a.Length is 2 or 3 && a[0].Type == ScalarType.Dynamic ? Row(n, a[..2], ScalarType.Dynamic, DynamicArrays.Shift(left: true), extra: a[2..]) : null, "array_shift_left");
        add((n, a, t) => a.Length is 2 or 3 && a[0].Type == ScalarType.Dynamic ? Row(n, a[..2], ScalarType.Dynamic, DynamicArrays.Shift(left: false), extra: a[2..]) : null, "array_shift_right");
        add((n, a, t) => a.Length == 3 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Slice) : null, "array_slice");
        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Split) : null, "array_split");
        add((n, a, t) => a.Length >= 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicSort.Sort(descending: false), propagatesNulls: false) : null, "array_sort_asc");
        add((n, a, t) => a.Length >= 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicSort.Sort(descending: true), propagatesNulls: false) : null, "array_sort_desc");
        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Real, DynamicArrays.Sum) : null, "array_sum");
        add((n, a, t) => a.Length >= 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Zip) : null, "zip");
        add((n, a, t) => a.Length == 2 ? Row(n, a, ScalarType.Dynamic, DynamicArrays.Repeat, propagatesNulls: false) : null, "repeat");
        add(BindRange, "range");

        add((n, a, t) => a.Length >= 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicSets.Union) : null, "set_union");
        add((n, a, t) => a.Length >= 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicSets.Filter(intersect: true)) : null, "set_intersect");
        add((n, a, t) => a.Length >= 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicSets.Filter(intersect: false)) : null, "set_difference");
        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Bool, DynamicSets.HasElement) : null, "set_has_element");
        add((n, a, t) => a.Length == 2 && AllDynamic(a) ? Row(n, a, ScalarType.Bool, DynamicSets.SetEquals) : null, "set_equals");
        add((n, a, t) => a.Length == 2 && AllDynamic(a) ? Row(n, a, ScalarType.Real, DynamicSets.Jaccard) : null, "jaccard_index");

        add((n, a, t) => a.Length == 2 && a[0].Type == ScalarType.Dynamic ? Row(n, [a[0], Convert(a[1], ScalarType.String)], ScalarType.Bool, DynamicBags.HasKey) : null, "bag_has_key");
        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicBags.Keys) : null, "bag_keys");
        add((n, a, t) => a.Length >= 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicBags.Merge) : null, "bag_merge");
        add((n, a, t) => a.Length == 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicBags.RemoveKeys) : null, "bag_remove_keys");
        add((n, a, t) => a.Length == 3 && a[0].Type == ScalarType.Dynamic ? Row(n, [a[0], Convert(a[1], ScalarType.String), a[2]], ScalarType.Dynamic, DynamicBags.SetKey, propagatesNulls: false) : null, "bag_set_key");
        add((n, a, t) => a.Length == 2 && AllDynamic(a) ? Row(n, a, ScalarType.Dynamic, DynamicBags.Zip) : null, "bag_zip");
        add(BindPackColumns, "bag_pack_columns");
        add(BindPackAll, "pack_all");

        add((n, a, t) => a.Length == 1 ? Row(n, a, ScalarType.String, DynamicShapes.ToJson, propagatesNulls: false) : null, "dynamic_to_json");
        add((n, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Row(n, a, ScalarType.Dynamic, DynamicShapes.TreePath) : null, "treepath");
        add((n, a, t) => a.Length == 1 ? Row(n, a, ScalarType.String, DynamicShapes.GetType, propagatesNulls: false) : null, "gettype");
    }

    private static ScalarExpr Row(string name, ScalarExpr[] arguments, ScalarType type, RowKernel rule, bool propagatesNulls = true, ScalarExpr[]? extra = null)
    {
        if (extra is { Length: > 0 })
        {
            // Optional arguments that may be null without making the result null (a default value).
            var all = new ScalarExpr[arguments.Length + extra.Length];
            arguments.CopyTo(all, 0);
            extra.CopyTo(all, arguments.Length);
            return Fixed(new KernelFunction(name, NullsOnlyFrom(arguments.Length, type, rule), propagatesNulls: false), all, type);
        }

        return Fixed(new KernelFunction(name, rule, propagatesNulls), arguments, type);
    }

    /// <summary>A rule that is null when any of the first <paramref name="count"/> arguments is null (the rest may be).</summary>
    private static RowKernel NullsOnlyFrom(int count, ScalarType type, RowKernel rule) => arguments =>
    {
        for (var i = 0; i < count; i++)
        {
            if (arguments[i].IsNull && arguments[i].Type != ScalarType.String)
            {
                return ScalarValue.Null(type);
            }
        }

        return rule(arguments);
    };

    private static bool AllDynamic(ScalarExpr[] arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Type != ScalarType.Dynamic)
            {
                return false;
            }
        }

        return true;
    }

    private static ScalarExpr? BindRange(string name, ScalarExpr[] arguments, ScalarType type)
    {
        if (arguments.Length is not (2 or 3))
        {
            return null;
        }

        var start = arguments[0].Type;
        ScalarType element;
        if (start is ScalarType.DateTime or ScalarType.TimeSpan)
        {
            element = start;
        }
        else if (arguments.Any(a => a.Type is ScalarType.Real or ScalarType.Decimal or ScalarType.Dynamic))
        {
            element = ScalarType.Real;
        }
        else if (arguments.All(a => a.Type is ScalarType.Int or ScalarType.Long))
        {
            element = ScalarType.Long;
        }
        else
        {
            return null;
        }

        return Row(name, arguments, ScalarType.Dynamic, DynamicShapes.Range(element));
    }

    /// <summary>bag_pack_columns(c1, c2, ...): the keys are the columns' names, so every argument must be a column.</summary>
    private static ScalarExpr? BindPackColumns(string name, ScalarExpr[] arguments, ScalarType type)
    {
        var names = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is not ColumnExpr column)
            {
                return null;
            }

            names[i] = column.Name;
        }

        return arguments.Length == 0 ? null : Row(name, arguments, ScalarType.Dynamic, DynamicBags.PackColumns(names), propagatesNulls: false);
    }

    /// <summary>pack_all([flag]): the planner passes the row's columns after the optional flag (see Planner.PlanCall).</summary>
    private static ScalarExpr? BindPackAll(string name, ScalarExpr[] arguments, ScalarType type)
    {
        var hasFlag = arguments.Length > 0 && arguments[0] is not ColumnExpr;
        var names = new string[arguments.Length - (hasFlag ? 1 : 0)];
        for (var i = 0; i < names.Length; i++)
        {
            if (arguments[i + (hasFlag ? 1 : 0)] is not ColumnExpr column)
            {
                return null;
            }

            names[i] = column.Name;
        }

        return Row(name, arguments, ScalarType.Dynamic, DynamicBags.PackAll(names, hasFlag), propagatesNulls: false);
    }
}
