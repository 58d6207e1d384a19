using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Plans a scalar expression over <paramref name="input"/>'s columns.</summary>
    private ScalarExpr PlanScalar(Expression expression, TableSchema input)
    {
        if (_substitutions is not null && _substitutions.TryGetValue(expression, out var substitute))
        {
            return substitute;
        }

        switch (expression)
        {
            case LiteralExpression literal:
                return new ConstantExpr(LiteralValues.Parse(literal.Token, _bound.GetType(literal), _nowTicks));
            case CompoundStringLiteralExpression compound:
                return new ConstantExpr(ScalarValue.FromString(compound.GetValue() ?? string.Empty));
            case ParenthesizedExpression parenthesized:
                return PlanScalar(parenthesized.Expression, input);
            case NameReference reference:
                return PlanName(reference, input);
            case PrefixUnaryExpression unary:
            {
                var operand = PlanScalar(unary.Operand, input);
                if (unary.OperatorKind == UnaryOperatorKind.Plus)
                {
                    return operand;
                }

                if (operand is ConstantExpr { Value: var v } && !v.IsNull)
                {
                    // Fold "-5" at once so literals such as datatable cells stay constants.
                    return new ConstantExpr(v.Type switch
                    {
                        ScalarType.Real => ScalarValue.FromReal(-v.Real),
                        ScalarType.Decimal => ScalarValue.FromDecimal(-v.Decimal),
                        ScalarType.String or ScalarType.Bool or ScalarType.Guid or ScalarType.Dynamic => throw new QueryException(QueryErrorKind.Semantic, "Cannot negate a non-number."),
                        _ => ScalarValue.FromInt64(v.Type, -v.Int64),
                    });
                }

                return Call("-", [operand], OperandType(expression, operand.Type), expression);
            }

            case BinaryExpression binary:
            {
                var name = OperatorName(binary.OperatorKind, binary);
                var left = PlanScalar(binary.Left, input);
                var right = PlanScalar(binary.Right, input);
                var type = ResultType(binary, name, left, right);
                return FunctionRegistry.TryBind(name, [left, right], type)
                    ?? (WithDynamicOperandConverted(name, left, right) is { } converted
                        ? Call(name, converted, type, expression)
                        : Call(name, [left, right], type, expression));
            }

            case InExpression @in:
            {
                var arguments = new List<ScalarExpr> { PlanScalar(@in.Left, input) };
                foreach (var item in @in.Right.Expressions)
                {
                    if (_bound.GetInfo(item)?.IsTabular == true)
                    {
                        arguments.AddRange(SubqueryValues(item));
                        continue;
                    }

                    var planned = Optimizer.ConstantFolding.Fold(PlanScalar(item, input), _nowTicks);
                    if (planned is ConstantExpr { Value.Type: ScalarType.Dynamic } list && list.Value.Dynamic.Kind == Values.DynamicKind.Array)
                    {
                        // "x in (dynamic([...]))" and let-bound lists: the array's elements are the list.
                        foreach (var element in list.Value.Dynamic.ArrayItems)
                        {
                            arguments.Add(new ConstantExpr(ElementValue(element)));
                        }

                        continue;
                    }

                    arguments.Add(planned);
                }

                return Call(InOperatorName(@in.OperatorKind), [.. arguments], ScalarType.Bool, expression);
            }

            case BetweenExpression between:
            {
                var value = PlanScalar(between.Left, input);
                var low = PlanScalar(between.Low, input);
                var high = PlanScalar(between.High, input);
                if (value.Type == ScalarType.DateTime && low.Type == ScalarType.DateTime && high.Type == ScalarType.TimeSpan)
                {
                    high = Call("+", [low, high], ScalarType.DateTime, expression);
                }

                return between.IsNegated
                    ? Call("or", [Call("<", [value, low], ScalarType.Bool, expression), Call(">", [value, high], ScalarType.Bool, expression)], ScalarType.Bool, expression)
                    : Call("and", [Call(">=", [value, low], ScalarType.Bool, expression), Call("<=", [value, high], ScalarType.Bool, expression)], ScalarType.Bool, expression);
            }

            case FunctionCallExpression call:
                return PlanCall(call, input);
            case TypeOfExpression typeOf:
                // A type argument (extract(..., typeof(long))): a typed null the function reads the type from.
                return new ConstantExpr(ScalarValue.Null(PlanTypes.Normalize(_bound.GetType(typeOf))));
            case PathExpression { Selector: NameReference member } path:
                return PlanAccess(path.Expression, new ConstantExpr(ScalarValue.FromString(member.SimpleName)), expression, input);
            case ElementAccessExpression access:
                return PlanAccess(access.Expression, PlanScalar(access.Index, input), expression, input);
            default:
                throw QueryException.NotSupported($"The expression '{Snippet(expression)}'");
        }
    }

    /// <summary><c>d.key</c> / <c>d[key]</c>: the element as dynamic, converted when the binder typed it otherwise.</summary>
    private ScalarExpr PlanAccess(Expression target, ScalarExpr key, Expression source, TableSchema input)
    {
        var value = PlanScalar(target, input);
        if (value.Type != ScalarType.Dynamic)
        {
            throw QueryException.NotSupported($"Member access on a {TypeFacts.GetName(value.Type)} in '{Snippet(source)}'");
        }

        var element = new CallExpr(new Functions.Scalar.DynamicAccessFunction(), [value, key], ScalarType.Dynamic);
        return FunctionRegistry.Convert(element, PlanTypes.Normalize(_bound.GetType(source)));
    }

    private static ScalarValue ElementValue(Values.DynamicValue element) => element.Kind switch
    {
        Values.DynamicKind.String => ScalarValue.FromString(element.StringValue),
        Values.DynamicKind.Long => ScalarValue.FromLong(element.LongValue),
        Values.DynamicKind.Real => ScalarValue.FromReal(element.RealValue),
        Values.DynamicKind.Bool => ScalarValue.FromBool(element.BoolValue),
        Values.DynamicKind.DateTime => ScalarValue.FromDateTime(element.DateTimeTicks),
        Values.DynamicKind.TimeSpan => ScalarValue.FromTimeSpan(element.TimeSpanTicks),
        Values.DynamicKind.Guid => ScalarValue.FromGuid(element.GuidValue),
        _ => ScalarValue.FromString(element.ToString()),
    };

    private ScalarExpr PlanName(NameReference reference, TableSchema input)
    {
        var info = _bound.GetInfo(reference);
        if (info?.ReferencedLocal is UserFunctionSymbol function)
        {
            return PlanScalarUserCall(function, [], input, reference);
        }

        if (info?.ReferencedLocal is { } local)
        {
            if (TryGetLocal(local, out var planned) && planned is ScalarExpr scalar)
            {
                return scalar;
            }

            throw QueryException.NotSupported($"The reference to '{reference.SimpleName}'");
        }

        return ColumnOf(input, reference.SimpleName);
    }

    private ScalarExpr PlanCall(FunctionCallExpression call, TableSchema input)
    {
        var name = call.Name.SimpleName;
        var info = _bound.GetInfo(call);
        if (info?.IsAggregate == true)
        {
            throw QueryException.NotSupported($"The aggregate '{name}' outside a direct summarize item");
        }

        if (info?.ReferencedLocal is UserFunctionSymbol function)
        {
            return PlanScalarUserCall(function, call.Arguments, input, call);
        }

        if (name == "column_names_of" && call.Arguments.Count == 1 && _bound.GetSchema(Unname(call.Arguments[0]).Expression) is { } schema)
        {
            // The names are the binder's schema of the tabular argument: known before anything runs.
            var names = new DynamicValue?[schema.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = DynamicValue.FromString(schema.Columns[i].Name);
            }

            return new ConstantExpr(ScalarValue.FromDynamic(DynamicValue.FromArray(names)));
        }

        if (name == "toscalar")
        {
            return PlanToScalar(call);
        }

        if (TryPlanRowCall(call, name, input) is { } special)
        {
            return special;
        }

        var arguments = new ScalarExpr[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            // A typeof(T) argument plans as a typed null (see PlanScalar): extract reads T from it, percentile_tdigest ignores it.
            var (_, argument) = Unname(call.Arguments[i]);
            arguments[i] = PlanScalar(argument, input);
        }

        return name == "bin_auto"
            ? PlanBinAuto(arguments, PlanTypes.Normalize(_bound.GetType(call)), call)
            : Call(name, arguments, PlanTypes.Normalize(_bound.GetType(call)), call);
    }

    private static ScalarExpr Call(string name, ScalarExpr[] arguments, ScalarType type, Expression source)
    {
        return FunctionRegistry.TryBind(name, arguments, type)
            ?? throw QueryException.NotSupported(FunctionRegistry.IsImplemented(name)
                ? $"'{name}' with arguments ({string.Join(", ", arguments.Select(a => TypeFacts.GetName(a.Type)))}) in '{Snippet(source)}'"
                : $"The function '{name}'");
    }

    /// <summary>
    /// A dynamic operand beside a typed one (<c>1 + d.a</c>, <c>d.a * 2</c>, <c>d.n &gt; 5</c>, <c>d.s == "x"</c>)
    /// converts to the other operand's type, as the binder types the result (int widens to long; beside a datetime,
    /// + and - read the dynamic as a timespan); a value that does not convert is null, and so is the result.
    /// Null when neither or both operands are dynamic.
    /// </summary>
    private static ScalarExpr[]? WithDynamicOperandConverted(string name, ScalarExpr left, ScalarExpr right)
    {
        if ((left.Type == ScalarType.Dynamic) == (right.Type == ScalarType.Dynamic))
        {
            return null;
        }

        var other = left.Type == ScalarType.Dynamic ? right.Type : left.Type;
        var target = other switch
        {
            ScalarType.Int => ScalarType.Long,
            ScalarType.DateTime when name is "+" or "-" => ScalarType.TimeSpan,
            ScalarType.Unknown => ScalarType.Unknown,
            _ => other,
        };
        if (target == ScalarType.Unknown)
        {
            return null;
        }

        return left.Type == ScalarType.Dynamic
            ? [FunctionRegistry.Convert(left, target), right]
            : [left, FunctionRegistry.Convert(right, target)];
    }

    private ScalarType OperandType(Expression expression, ScalarType fallback)
    {
        var type = _bound.GetType(expression);
        return type == ScalarType.Unknown ? fallback : type;
    }

    private ScalarType ResultType(BinaryExpression binary, string name, ScalarExpr left, ScalarExpr right)
    {
        var type = _bound.GetType(binary);
        if (type != ScalarType.Unknown)
        {
            return type;
        }

        return name is "+" or "-" or "*" or "/" or "%"
            ? (left.Type == ScalarType.Real || right.Type == ScalarType.Real ? ScalarType.Real : left.Type)
            : ScalarType.Bool;
    }

    private static string OperatorName(BinaryOperatorKind kind, BinaryExpression binary) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        BinaryOperatorKind.Modulo => "%",
        BinaryOperatorKind.And => "and",
        BinaryOperatorKind.Or => "or",
        BinaryOperatorKind.Equal => "==",
        BinaryOperatorKind.NotEqual => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        BinaryOperatorKind.EqualTilde => "=~",
        BinaryOperatorKind.BangTilde => "!~",
        BinaryOperatorKind.Has => "has",
        BinaryOperatorKind.HasCs => "has_cs",
        BinaryOperatorKind.NotHas => "!has",
        BinaryOperatorKind.NotHasCs => "!has_cs",
        BinaryOperatorKind.HasPrefix => "hasprefix",
        BinaryOperatorKind.NotHasPrefix => "!hasprefix",
        BinaryOperatorKind.HasSuffix => "hassuffix",
        BinaryOperatorKind.NotHasSuffix => "!hassuffix",
        BinaryOperatorKind.HasPrefixCs => "hasprefix_cs",
        BinaryOperatorKind.NotHasPrefixCs => "!hasprefix_cs",
        BinaryOperatorKind.HasSuffixCs => "hassuffix_cs",
        BinaryOperatorKind.NotHasSuffixCs => "!hassuffix_cs",
        BinaryOperatorKind.Contains => "contains",
        BinaryOperatorKind.ContainsCs => "contains_cs",
        BinaryOperatorKind.NotContains => "!contains",
        BinaryOperatorKind.NotContainsCs => "!contains_cs",
        BinaryOperatorKind.StartsWith => "startswith",
        BinaryOperatorKind.StartsWithCs => "startswith_cs",
        BinaryOperatorKind.NotStartsWith => "!startswith",
        BinaryOperatorKind.NotStartsWithCs => "!startswith_cs",
        BinaryOperatorKind.EndsWith => "endswith",
        BinaryOperatorKind.EndsWithCs => "endswith_cs",
        BinaryOperatorKind.NotEndsWith => "!endswith",
        BinaryOperatorKind.NotEndsWithCs => "!endswith_cs",
        BinaryOperatorKind.MatchesRegex => "matches regex",
        _ => throw QueryException.NotSupported($"The operator '{binary.Operator.Text}'"),
    };

    private static string InOperatorName(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.In => "in",
        BinaryOperatorKind.NotIn => "!in",
        BinaryOperatorKind.InCaseInsensitive => "in~",
        BinaryOperatorKind.NotInCaseInsensitive => "!in~",
        BinaryOperatorKind.HasAny => "has_any",
        BinaryOperatorKind.HasAll => "has_all",
        _ => throw QueryException.NotSupported($"The list operator {kind}"),
    };
}
