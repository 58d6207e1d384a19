using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    private Bound BindCall(FunctionCallExpression call, Context context)
    {
        var name = call.Name.SimpleName;

        if (context.Scope.Lookup(name) is { } local)
        {
            if (local is UserFunctionSymbol function)
            {
                var result = BindUserFunctionCall(function, call.Arguments, call, context);
                Record(call, new SemanticInfo(result.Type, result.Schema, result.Serialized) { ReferencedLocal = function });
                return result;
            }

            BindArguments(call, context);
            Report(BindingDiagnostics.NotAFunction(name, call.Name.TextStart, call.Name.Width));
            return Bound.Unknown;
        }

        switch (name)
        {
            case "materialize" or "totable":
                return BindMaterialize(call, context);
            case "toscalar":
                return BindToScalar(call, context);
            case "table":
                return BindTableFunction(call, context);
        }

        if (context.AllowAggregates && BuiltInFunctions.TryGetAggregate(name, out var aggregate))
        {
            return BindBuiltInCall(call, aggregate, context);
        }

        if (BuiltInFunctions.TryGetScalar(name, out var scalar))
        {
            return BindBuiltInCall(call, scalar, context);
        }

        if (BuiltInFunctions.TryGetAggregate(name, out var misplaced))
        {
            BindArguments(call, context);
            Report(BindingDiagnostics.AggregateNotAllowed(misplaced.Name, call.TextStart, call.Width));
            return Bound.Unknown;
        }

        if (context.Row is { } row && row.TryGetColumn(name, out _))
        {
            BindArguments(call, context);
            Report(BindingDiagnostics.NotAFunction(name, call.Name.TextStart, call.Name.Width));
            return Bound.Unknown;
        }

        BindArguments(call, context);
        Report(_workspace.IsExternalFunction(name)
            ? BindingDiagnostics.ExternalFunction(name, call.Name.TextStart, call.Name.Width, UnknownNameSeverity)
            : BindingDiagnostics.UnknownFunction(name, call.Name.TextStart, call.Name.Width, UnknownNameSeverity));

        // Unknown: it may return a table (FileProfile(...) does), so let a tabular position use it without more errors.
        return context.PreferTabular || context.Row is null ? Bound.Table(TableSchema.Empty.AsOpen()) : Bound.Unknown;
    }

    private List<Bound> BindArguments(FunctionCallExpression call, Context context)
    {
        var bound = new List<Bound>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            bound.Add(BindExpression(argument, context));
        }

        return bound;
    }

    /// <summary><c>materialize(query)</c> and <c>totable(query)</c>: the query's table.</summary>
    private Bound BindMaterialize(FunctionCallExpression call, Context context)
    {
        if (call.Arguments.Count != 1)
        {
            BindArguments(call, context);
            Report(BindingDiagnostics.WrongArgumentCount(call.Name.SimpleName, "1 argument", call.Arguments.Count, call.TextStart, call.Width));
            return Bound.Table(TableSchema.Empty.AsOpen());
        }

        return Bound.Table(BindTabular(call.Arguments[0], context));
    }

    private Bound BindToScalar(FunctionCallExpression call, Context context)
    {
        if (call.Arguments.Count is < 1 or > 2)
        {
            BindArguments(call, context);
            Report(BindingDiagnostics.WrongArgumentCount("toscalar", "1 argument", call.Arguments.Count, call.TextStart, call.Width));
            return Bound.Unknown;
        }

        // toscalar(kind=nooptimization, T) puts the option first.
        var query = call.Arguments[^1];
        var bound = BindExpression(query, context.Tabular() with { PreferTabular = true });
        if (bound.IsTabular)
        {
            return Bound.Scalar(bound.Schema!.Columns.Length > 0 ? bound.Schema.Columns[0].Type : ScalarType.Unknown);
        }

        // toscalar(scalar) is allowed and returns the value.
        return Bound.Scalar(bound.Type);
    }

    private Bound BindTableFunction(FunctionCallExpression call, Context context)
    {
        var arguments = BindArguments(call, context);
        if (call.Arguments.Count is < 1 or > 2)
        {
            Report(BindingDiagnostics.WrongArgumentCount("table", "1 or 2 arguments", call.Arguments.Count, call.TextStart, call.Width));
            return Bound.Table(TableSchema.Empty.AsOpen());
        }

        if (GetStringLiteral(call.Arguments[0]) is { } tableName)
        {
            if (context.Scope.Lookup(tableName) is TabularVariableSymbol tabular)
            {
                return Bound.Table(tabular.Schema);
            }

            if (_workspace.TryGetTable(tableName, out var table))
            {
                NoteTableReference(table);
                Record(call, new SemanticInfo(ScalarType.Unknown, table.Schema, false) { ReferencedTable = table });
                return Bound.Table(table.Schema);
            }

            Report(BindingDiagnostics.UnknownTable(tableName, call.Arguments[0].TextStart, call.Arguments[0].Width, UnknownNameSeverity));
        }
        else if (arguments[0].Type is not (ScalarType.String or ScalarType.Unknown))
        {
            Report(BindingDiagnostics.WrongArgumentType("table", "name", "string", arguments[0].Type,
                call.Arguments[0].TextStart, call.Arguments[0].Width));
        }

        return Bound.Table(TableSchema.Empty.AsOpen());
    }

    private static string? GetStringLiteral(Expression expression) => expression switch
    {
        LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } literal => SyntaxFacts.GetStringValue(literal.Token.Text),
        CompoundStringLiteralExpression compound => compound.GetValue(),
        ParenthesizedExpression p => GetStringLiteral(p.Expression),
        _ => null,
    };

    private Bound BindBuiltInCall(FunctionCallExpression call, FunctionSymbol function, Context context)
    {
        var argumentContext = context;
        var bound = BindArguments(call, argumentContext);
        var arguments = new List<ArgumentInfo>(bound.Count);
        foreach (var b in bound)
        {
            arguments.Add(b.ToArgument());
        }

        var match = ArgumentMatcher.Match(function, arguments);
        if (match.Status == ArgumentMatchStatus.WrongCount)
        {
            Report(BindingDiagnostics.WrongArgumentCount(function, arguments.Count, call.TextStart, call.Width));
        }
        else if (match.Status == ArgumentMatchStatus.WrongType)
        {
            var index = match.FailedArgument;
            var parameter = match.ParameterOfArgument[index];
            var node = call.Arguments[index];
            if (arguments[index].Shape == ArgumentShape.Scalar)
            {
                Report(BindingDiagnostics.WrongArgumentType(function.Name, parameter.Name, ArgumentMatcher.Describe(parameter.Type),
                    arguments[index].Type, node.TextStart, node.Width));
            }
            else
            {
                Report(BindingDiagnostics.WrongArgumentKind(function.Name, parameter.Name, ArgumentMatcher.Describe(parameter.Type),
                    DescribeShape(arguments[index].Shape), node.TextStart, node.Width));
            }
        }

        if (function.Kind == FunctionKind.Window && !context.Serialized && context.Row is { IsOpen: false })
        {
            Report(BindingDiagnostics.NotSerialized(function.Name, call.TextStart, call.Width));
        }

        var type = ResultType(call, function, bound, context);
        Record(call, new SemanticInfo(type, null, false) { ReferencedFunction = function });
        return Bound.Scalar(type);
    }

    private static string DescribeShape(ArgumentShape shape) => shape switch
    {
        ArgumentShape.Star => "'*'",
        ArgumentShape.Tabular => "a table",
        ArgumentShape.TypeLiteral => "a type",
        _ => "a scalar",
    };

    private static ScalarType ArgType(List<Bound> arguments, int index) =>
        index < arguments.Count ? arguments[index].Type : ScalarType.Unknown;

    private ScalarType ResultType(FunctionCallExpression call, FunctionSymbol function, List<Bound> arguments, Context context)
    {
        switch (function.ReturnRule)
        {
            case ReturnRule.Fixed:
                return function.ReturnType;
            case ReturnRule.Argument:
                return ArgType(arguments, function.ReturnArgument);
            case ReturnRule.Sum:
            {
                var t = ArgType(arguments, 0);
                return t == ScalarType.Int ? ScalarType.Long : t;
            }

            case ReturnRule.Average:
            {
                var t = ArgType(arguments, 0);
                return t switch
                {
                    ScalarType.Int or ScalarType.Long or ScalarType.Real => ScalarType.Real,
                    ScalarType.Dynamic => ScalarType.Real,
                    _ => t,
                };
            }

            case ReturnRule.Tabular:
                return ScalarType.Unknown;
        }

        return CustomResultType(call, function, arguments, context);
    }

    private ScalarType CustomResultType(FunctionCallExpression call, FunctionSymbol function, List<Bound> arguments, Context context)
    {
        switch (function.Name)
        {
            case "iff" or "iif":
                return CommonResult(call, function, arguments, 1, 1);
            case "case":
                return BindCaseResult(call, function, arguments);
            case "coalesce" or "max_of" or "min_of":
                return CommonResult(call, function, arguments, 0, 1);
            case "bin" or "floor" or "bin_at":
                return BinResult(call, function, arguments);
            case "extract" or "extract_json" or "extractjson":
                return arguments.Count > 3 || (arguments.Count == 3 && function.Name != "extract")
                    ? arguments[^1].Type
                    : ScalarType.String;
            case "percentile_tdigest":
                return arguments.Count == 3 ? arguments[2].Type : ScalarType.Dynamic;
            case "abs":
                return ArgType(arguments, 0) == ScalarType.Int ? ScalarType.Long : ArgType(arguments, 0);
            case "rand":
                return arguments.Count == 0 ? ScalarType.Real : ScalarType.Long;
            case "column_ifexists" or "columnifexists":
                if (call.Arguments.Count > 0 && GetStringLiteral(call.Arguments[0]) is { } columnName
                    && context.Row is { } row && row.TryGetColumn(columnName, out var column))
                {
                    return column.Type;
                }

                return ArgType(arguments, 1);
            case "percentile" or "percentiles" or "percentilew" or "percentilesw":
                return PercentileType(ArgType(arguments, 0));
            case "percentiles_array" or "percentilesw_array":
                return ScalarType.Dynamic;
            case "arg_max" or "arg_min" or "argmax" or "argmin" or "take_any" or "any":
                return ArgType(arguments, 0);
            default:
                return ScalarType.Unknown;
        }
    }

    private static ScalarType PercentileType(ScalarType type) => type switch
    {
        ScalarType.Int => ScalarType.Long,
        ScalarType.Decimal => ScalarType.Real,
        _ => type,
    };

    /// <summary>iff/coalesce/max_of: the values (from <paramref name="first"/>, every <paramref name="step"/>) must agree.</summary>
    private ScalarType CommonResult(FunctionCallExpression call, FunctionSymbol function, List<Bound> arguments, int first, int step)
    {
        var types = new List<ScalarType>();
        for (var i = first; i < arguments.Count; i += step)
        {
            types.Add(arguments[i].Type);
        }

        return CommonOf(call, function, arguments, types, first, step);
    }

    private ScalarType CommonOf(FunctionCallExpression call, FunctionSymbol function, List<Bound> arguments,
        List<ScalarType> types, int first, int step)
    {
        // A dynamic value beside typed ones takes their type (Kusto's "common non-dynamic" rule).
        var nonDynamic = types.FindAll(t => t != ScalarType.Dynamic);
        if (TypeFacts.TryGetCommonType(nonDynamic.ToArray(), out var common))
        {
            return common == ScalarType.Unknown && nonDynamic.Count < types.Count ? ScalarType.Dynamic : common;
        }

        // Report the first value that disagrees with the ones before it.
        var seen = new List<ScalarType>();
        for (var i = first; i < arguments.Count; i += step)
        {
            if (arguments[i].Type == ScalarType.Dynamic)
            {
                continue;
            }

            seen.Add(arguments[i].Type);
            if (!TypeFacts.TryGetCommonType(seen.ToArray(), out _))
            {
                var node = call.Arguments[i];
                Report(BindingDiagnostics.WrongArgumentType(function.Name, function.Parameters[Math.Min(i, function.Parameters.Length - 1)].Name,
                    $"of the same type as the other values ({TypeFacts.GetName(seen[0])})", arguments[i].Type, node.TextStart, node.Width));
                break;
            }
        }

        return ScalarType.Unknown;
    }

    private ScalarType BindCaseResult(FunctionCallExpression call, FunctionSymbol function, List<Bound> arguments)
    {
        if (arguments.Count < 3 || arguments.Count % 2 == 0)
        {
            if (arguments.Count >= 3)
            {
                Report(BindingDiagnostics.WrongArgumentCount("case", "predicate/value pairs and an else value (an odd number of arguments)",
                    arguments.Count, call.TextStart, call.Width));
            }

            return ScalarType.Unknown;
        }

        for (var i = 0; i < arguments.Count - 1; i += 2)
        {
            ExpectBool(call.Arguments[i], arguments[i].Type);
        }

        var types = new List<ScalarType>();
        for (var i = 1; i < arguments.Count; i += 2)
        {
            types.Add(arguments[i].Type);
        }

        types.Add(arguments[^1].Type);
        var nonDynamic = types.FindAll(t => t != ScalarType.Dynamic);
        if (TypeFacts.TryGetCommonType(nonDynamic.ToArray(), out var common))
        {
            return common == ScalarType.Unknown && nonDynamic.Count < types.Count ? ScalarType.Dynamic : common;
        }

        Report(BindingDiagnostics.WrongArgumentType("case", "then", "of the same type as the other values", arguments[^1].Type,
            call.TextStart, call.Width));
        return ScalarType.Unknown;
    }

    private ScalarType BinResult(FunctionCallExpression call, FunctionSymbol function, List<Bound> arguments)
    {
        if (arguments.Count < 2)
        {
            return ArgType(arguments, 0);
        }

        var value = arguments[0].Type;
        var size = arguments[1].Type;
        var ok = value switch
        {
            ScalarType.Unknown or ScalarType.Dynamic => true,
            ScalarType.DateTime => size is ScalarType.TimeSpan or ScalarType.DateTime or ScalarType.Unknown or ScalarType.Dynamic
                || (function.Name == "bin_at" && TypeFacts.IsNumeric(size)),
            ScalarType.TimeSpan => size is ScalarType.TimeSpan or ScalarType.Unknown or ScalarType.Dynamic
                || (function.Name == "bin_at" && TypeFacts.IsNumeric(size)),
            _ => TypeFacts.IsNumeric(size) || size is ScalarType.Unknown or ScalarType.Dynamic,
        };
        if (!ok)
        {
            var node = call.Arguments[1];
            Report(BindingDiagnostics.WrongArgumentType(function.Name, function.Parameters[1].Name,
                value == ScalarType.DateTime || value == ScalarType.TimeSpan ? "timespan" : "a number", size, node.TextStart, node.Width));
        }

        if (TypeFacts.IsNumeric(value))
        {
            var widest = value;
            for (var i = 1; i < arguments.Count; i++)
            {
                if (TypeFacts.IsNumeric(arguments[i].Type))
                {
                    widest = TypeFacts.Widest(widest, arguments[i].Type);
                }
            }

            return widest;
        }

        return value;
    }
}
