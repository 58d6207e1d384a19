using System.Collections.Frozen;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

/// <summary>
/// Resolves a scalar function or operator name with typed arguments to a <see cref="CallExpr"/> over an
/// implementation, inserting the argument conversions the implementation expects (string operators take strings,
/// <c>iff</c> branches take the result type). To add a function: write a <see cref="ScalarFunction"/> in
/// <c>Functions/Scalar</c> and register its name here (see README.md).
/// </summary>
internal static partial class FunctionRegistry
{
    /// <summary>Builds the call for a name with typed arguments and the binder's result type, or null when unsupported.</summary>
    private delegate ScalarExpr? Binder(string name, ScalarExpr[] arguments, ScalarType resultType);

    /// <summary>Registers <paramref name="binder"/> under each of <paramref name="names"/>.</summary>
    private delegate void Registrar(Binder binder, params string[] names);

    private static readonly FrozenDictionary<string, Binder> Scalars = CreateScalars();

    /// <summary>Whether a function of this name is implemented (its argument types may still be unsupported).</summary>
    public static bool IsImplemented(string name) => Scalars.ContainsKey(name);

    /// <summary>Builds the call, or null when <paramref name="name"/> is not implemented for these arguments.</summary>
    public static ScalarExpr? TryBind(string name, ScalarExpr[] arguments, ScalarType resultType) =>
        Scalars.TryGetValue(name, out var binder) ? binder(name, arguments, PlanTypes.Normalize(resultType)) : null;

    /// <summary><paramref name="expression"/> converted to <paramref name="type"/> (itself when it already is).</summary>
    public static ScalarExpr Convert(ScalarExpr expression, ScalarType type)
    {
        type = PlanTypes.Normalize(type);
        return expression.Type == type ? expression : new CallExpr(new ConvertFunction("to" + TypeFacts.GetName(type)), [expression], type);
    }

    private static FrozenDictionary<string, Binder> CreateScalars()
    {
        var map = new Dictionary<string, Binder>(StringComparer.Ordinal);
        void Add(Binder binder, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = binder;
            }
        }

        Add(Comparison<EqualOp>, "==");
        Add(Comparison<NotEqualOp>, "!=", "<>");
        Add(Comparison<LessOp>, "<");
        Add(Comparison<LessOrEqualOp>, "<=");
        Add(Comparison<GreaterOp>, ">");
        Add(Comparison<GreaterOrEqualOp>, ">=");
        Add(StringOp<EqualsIgnoreCaseOp>(false), "=~");
        Add(StringOp<EqualsIgnoreCaseOp>(true), "!~");
        Add(StringOp<HasOp>(false), "has");
        Add(StringOp<HasOp>(true), "!has");
        Add(StringOp<HasCsOp>(false), "has_cs");
        Add(StringOp<HasCsOp>(true), "!has_cs");
        Add(StringOp<HasPrefixOp>(false), "hasprefix");
        Add(StringOp<HasPrefixOp>(true), "!hasprefix");
        Add(StringOp<HasSuffixOp>(false), "hassuffix");
        Add(StringOp<HasSuffixOp>(true), "!hassuffix");
        Add(StringOp<ContainsOp>(false), "contains");
        Add(StringOp<ContainsOp>(true), "!contains");
        Add(StringOp<ContainsCsOp>(false), "contains_cs");
        Add(StringOp<ContainsCsOp>(true), "!contains_cs");
        Add(StringOp<StartsWithOp>(false), "startswith");
        Add(StringOp<StartsWithOp>(true), "!startswith");
        Add(StringOp<StartsWithCsOp>(false), "startswith_cs");
        Add(StringOp<StartsWithCsOp>(true), "!startswith_cs");
        Add(StringOp<EndsWithOp>(false), "endswith");
        Add(StringOp<EndsWithOp>(true), "!endswith");
        Add(StringOp<EndsWithCsOp>(false), "endswith_cs");
        Add(StringOp<EndsWithCsOp>(true), "!endswith_cs");
        Add(InList(InListFunction.Mode.Equal, false), "in");
        Add(InList(InListFunction.Mode.Equal, true), "!in");
        Add(InList(InListFunction.Mode.EqualIgnoreCase, false), "in~");
        Add(InList(InListFunction.Mode.EqualIgnoreCase, true), "!in~");
        Add(InList(InListFunction.Mode.HasAny, false), "has_any");
        Add(InList(InListFunction.Mode.HasAll, false), "has_all");
        Add(Arithmetic<AddOp>, "+");
        Add(Arithmetic<SubtractOp>, "-");
        Add(Arithmetic<MultiplyOp>, "*");
        Add(Arithmetic<DivideOp>, "/");
        Add(Arithmetic<ModuloOp>, "%");
        Add((_, a, t) => Fixed(new AndOrFunction(true), Booleans(a), ScalarType.Bool), "and");
        Add((_, a, t) => Fixed(new AndOrFunction(false), Booleans(a), ScalarType.Bool), "or");
        Add((_, a, t) => a.Length == 1 ? Fixed(new NotFunction(), Booleans(a), ScalarType.Bool) : null, "not");
        Add((n, a, t) => a.Length == 1 ? Fixed(new NullTestFunction(n, false, false), a, ScalarType.Bool) : null, "isnull");
        Add((n, a, t) => a.Length == 1 ? Fixed(new NullTestFunction(n, false, true), a, ScalarType.Bool) : null, "isnotnull");
        Add((n, a, t) => a.Length == 1 ? Fixed(new NullTestFunction(n, true, false), a, ScalarType.Bool) : null, "isempty");
        Add((n, a, t) => a.Length == 1 ? Fixed(new NullTestFunction(n, true, true), a, ScalarType.Bool) : null, "isnotempty", "notempty");
        Add(Iff, "iff", "iif");
        Add((_, a, t) => a.Length == 2 ? Fixed(new AssertFunction(), [Convert(a[0], ScalarType.Bool), Convert(a[1], ScalarType.String)], ScalarType.Bool) : null, "assert");
        Add((_, a, t) => a.Length == 1 ? Fixed(new StrlenFunction(), Strings(a), ScalarType.Long) : null, "strlen");
        Add((_, a, t) => a.Length == 1 ? Fixed(new LetterCaseFunction(false), Strings(a), ScalarType.String) : null, "tolower");
        Add((_, a, t) => a.Length == 1 ? Fixed(new LetterCaseFunction(true), Strings(a), ScalarType.String) : null, "toupper");
        Add((_, a, t) => a.Length >= 1 ? Fixed(new StrcatFunction(), a, ScalarType.String) : null, "strcat");
        Add(Conversion(ScalarType.String), "tostring");
        Add(Conversion(ScalarType.Long), "tolong", "toint64");
        Add(Conversion(ScalarType.Int), "toint");
        Add(Conversion(ScalarType.Real), "toreal", "todouble");
        Add(Conversion(ScalarType.Decimal), "todecimal");
        Add(Conversion(ScalarType.Bool), "tobool", "toboolean");
        Add(Conversion(ScalarType.DateTime), "todatetime");
        Add(Conversion(ScalarType.TimeSpan), "totimespan", "totime");
        Add(Conversion(ScalarType.Guid), "toguid");
                Add((_, a, t) => a.Length == 1 ? Fixed(new NowFunction(true), [Convert(a[0], ScalarType.TimeSpan)], ScalarType.DateTime) : null, "ago");
        Add((_, a, t) => a.Length <= 1 ? Fixed(new NowFunction(false), a.Length == 0 ? a : [Convert(a[0], ScalarType.TimeSpan)], ScalarType.DateTime) : null, "now");
        Add((n, a, t) => a.Length == 2 && t != ScalarType.Dynamic ? Fixed(new BinFunction(n), a, t) : null, "bin", "floor");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<SqrtOp>(n), a, ScalarType.Real) : null, "sqrt");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<ExpOp>(n), a, ScalarType.Real) : null, "exp");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<LogOp>(n), a, ScalarType.Real) : null, "log");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<Log10Op>(n), a, ScalarType.Real) : null, "log10");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<Log2Op>(n), a, ScalarType.Real) : null, "log2");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<SinOp>(n), a, ScalarType.Real) : null, "sin");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<CosOp>(n), a, ScalarType.Real) : null, "cos");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<TanOp>(n), a, ScalarType.Real) : null, "tan");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealMathFunction<AtanOp>(n), a, ScalarType.Real) : null, "atan");
        Add((n, a, t) => a.Length == 1 && (PlanTypes.IsNumeric(t) || t == ScalarType.TimeSpan) ? Fixed(new NumericUnaryFunction(n), [Convert(a[0], t)], t) : null, "abs", "sign", "ceiling");
        Add((n, a, t) => a.Length is 1 or 2 && PlanTypes.IsNumeric(t) ? Fixed(new RealBinaryFunction(n), a, t) : null, "round");
        Add((n, a, t) => a.Length == 2 ? Fixed(new RealBinaryFunction(n), a, ScalarType.Real) : null, "pow");
        Add((n, a, t) => a.Length == 1 ? Fixed(new RealTestFunction(n), a, ScalarType.Bool) : null, "isnan", "isinf", "isfinite");
        Add((_, a, t) => a.Length == 0 ? new ConstantExpr(ScalarValue.FromReal(Math.PI)) : null, "pi");
        Add((_, a, t) => Fixed(new PackArrayFunction(), a, ScalarType.Dynamic), "pack_array");
        Add((n, a, t) => a.Length % 2 == 0 ? Fixed(new BagPackFunction(n), a, ScalarType.Dynamic) : null, "bag_pack", "pack");
        Add((_, a, t) => a.Length == 1 && a[0].Type == ScalarType.Dynamic ? Fixed(new ArrayLengthFunction(), a, ScalarType.Long) : null, "array_length");
        Add((n, a, t) => a.Length == 1 ? Fixed(new ParseJsonFunction(n), a, ScalarType.Dynamic) : null, "parse_json", "parsejson", "todynamic", "toobject");
        Add((_, a, t) => a.Length >= 1 ? Fixed(new CoalesceFunction(), [.. a.Select(x => Convert(x, t))], t) : null, "coalesce");
        Add(Case, "case");
        Add((_, a, t) => a.Length == 3 ? Fixed(new ReplaceStringFunction(), Strings(a), ScalarType.String) : null, "replace_string");
        Add((_, a, t) => a.Length is 2 or 3 ? Fixed(new SplitFunction(), [.. Strings(a[..2]), .. a[2..].Select(x => Convert(x, ScalarType.Long))], ScalarType.Dynamic) : null, "split");
        Add(
            (n, a, t) => a.Length is 1 or 2 ? Fixed(new StartEndOfFunction(n), [Convert(a[0], ScalarType.DateTime), .. a[1..].Select(x => Convert(x, ScalarType.Long))], ScalarType.DateTime) : null,
            "startofday", "endofday", "startofweek", "endofweek", "startofmonth", "endofmonth", "startofyear", "endofyear");
        Add(
            (n, a, t) => a.Length == 1 ? Fixed(new DatePartFunction(n), [Convert(a[0], ScalarType.DateTime)], t) : null,
            "dayofweek", "dayofmonth", "dayofyear", "monthofyear", "getmonth", "getyear", "hourofday", "week_of_year");
        Add(
            (n, a, t) => a.Length == 3 ? Fixed(new DateTimePeriodFunction(n), [Convert(a[0], ScalarType.String), Convert(a[1], ScalarType.Long), Convert(a[2], ScalarType.DateTime)], ScalarType.DateTime) : null,
            "datetime_add");
        Add(
            (n, a, t) => a.Length == 3 ? Fixed(new DateTimePeriodFunction(n), [Convert(a[0], ScalarType.String), Convert(a[1], ScalarType.DateTime), Convert(a[2], ScalarType.DateTime)], ScalarType.Long) : null,
            "datetime_diff");

        // Each family registers in its own file (FunctionRegistry.<Family>.cs), so families grow independently.
        AddStringFunctions(Add);
        AddDateTimeFunctions(Add);
        AddMathFunctions(Add);
        AddNetworkFunctions(Add);
        AddDynamicFunctions(Add);
        AddSeriesFunctions(Add);
        AddGeoFunctions(Add);
        AddSketchFunctions(Add);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ScalarExpr Fixed(ScalarFunction function, ScalarExpr[] arguments, ScalarType type) => new CallExpr(function, arguments, type);

    private static ScalarExpr[] Strings(ScalarExpr[] arguments)
    {
        var converted = new ScalarExpr[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            converted[i] = Convert(arguments[i], ScalarType.String);
        }

        return converted;
    }

    private static ScalarExpr[] Booleans(ScalarExpr[] arguments)
    {
        var converted = new ScalarExpr[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            converted[i] = Convert(arguments[i], ScalarType.Bool);
        }

        return converted;
    }

    private static ScalarExpr? Comparison<TOp>(string name, ScalarExpr[] arguments, ScalarType type)
        where TOp : struct, IComparison
    {
        if (arguments.Length != 2)
        {
            return null;
        }

        var left = arguments[0];
        var right = arguments[1];
        if (PlanTypes.IsNumeric(left.Type) && PlanTypes.IsNumeric(right.Type))
        {
            return Fixed(new ComparisonFunction<TOp>(name), arguments, ScalarType.Bool);
        }

        // Mixed kinds (dynamic vs scalar, string vs other): compare in the non-dynamic side's type.
        var common = left.Type == ScalarType.Dynamic ? right.Type : left.Type;
        if (left.Type == ScalarType.String || right.Type == ScalarType.String)
        {
            common = left.Type == ScalarType.Dynamic || right.Type == ScalarType.Dynamic || left.Type == right.Type ? ScalarType.String : common;
        }

        return Fixed(new ComparisonFunction<TOp>(name), [Convert(left, common), Convert(right, common)], ScalarType.Bool);
    }

    private static Binder StringOp<TOp>(bool negated)
        where TOp : struct, IStringPredicate =>
        (name, arguments, _) => arguments.Length == 2
            ? Fixed(new StringPredicateFunction<TOp>(name, negated), Strings(arguments), ScalarType.Bool)
            : null;

    /// <summary>
    /// The list operators. A constant dynamic array in the list (<c>let names = dynamic([...]); x in (names)</c>) is
    /// spread into its elements, as Kusto flattens it; a dynamic tested value (<c>d[1] in~ (...)</c>, a make_set array
    /// with has_any) is tested as its text.
    /// </summary>
    private static Binder InList(InListFunction.Mode mode, bool negated) =>
        (name, arguments, _) =>
        {
            if (arguments.Length < 2)
            {
                return null;
            }

            var list = new List<ScalarExpr>(arguments.Length) { arguments[0] };
            for (var i = 1; i < arguments.Length; i++)
            {
                var argument = arguments[i];
                if (argument is ConstantExpr { Type: ScalarType.Dynamic } constant)
                {
                    var value = constant.Value.IsNull ? DynamicValue.Null : constant.Value.Dynamic;
                    if (value.Kind == DynamicKind.Array)
                    {
                        foreach (var item in value.ArrayItems)
                        {
                            list.Add(new ConstantExpr(ScalarValue.FromDynamic(item)));
                        }

                        continue;
                    }
                }
                else if (argument.Type == ScalarType.Dynamic)
                {
                    return null;
                }

                list.Add(argument);
            }

            var tested = list[0].Type == ScalarType.Dynamic ? Convert(list[0], ScalarType.String) : list[0];
            list[0] = tested;
            var stringly = mode is InListFunction.Mode.HasAny or InListFunction.Mode.HasAll || tested.Type == ScalarType.String;
            if (stringly)
            {
                return Fixed(new InListFunction(name, mode, negated), Strings([.. list]), ScalarType.Bool);
            }

            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].Type == ScalarType.Dynamic)
                {
                    list[i] = Convert(list[i], tested.Type);
                }
            }

            return Fixed(new InListFunction(name, mode, negated), [.. list], ScalarType.Bool);
        };

    private static ScalarExpr? Arithmetic<TOp>(string name, ScalarExpr[] arguments, ScalarType type)
        where TOp : struct, IArithmetic
    {
        if (arguments.Length == 1 && name == "-")
        {
            return Fixed(new NegateFunction(), [Convert(arguments[0], type)], type);
        }

        if (arguments.Length != 2 || type is ScalarType.String or ScalarType.Bool or ScalarType.Guid or ScalarType.Dynamic)
        {
            return null;
        }

        var left = arguments[0];
        var right = arguments[1];
        if (left.Type == ScalarType.Dynamic || right.Type == ScalarType.Dynamic || left.Type == ScalarType.Bool || right.Type == ScalarType.Bool)
        {
            return null;
        }

        return Fixed(new ArithmeticFunction<TOp>(name), arguments, type);
    }

    private static ScalarExpr? Case(string name, ScalarExpr[] arguments, ScalarType type)
    {
        if (arguments.Length < 3 || arguments.Length % 2 == 0)
        {
            return null;
        }

        var converted = new ScalarExpr[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            converted[i] = Convert(arguments[i], i % 2 == 0 && i < arguments.Length - 1 ? ScalarType.Bool : type);
        }

        return Fixed(new CaseFunction(), converted, type);
    }

    private static ScalarExpr? Iff(string name, ScalarExpr[] arguments, ScalarType type) =>
        arguments.Length == 3
            ? Fixed(new IffFunction(name), [Convert(arguments[0], ScalarType.Bool), Convert(arguments[1], type), Convert(arguments[2], type)], type)
            : null;

    private static Binder Conversion(ScalarType target) =>
        (name, arguments, _) => arguments.Length == 1 ? Fixed(new ConvertFunction(name), arguments, target) : null;
}
