using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>The scope each user function was declared in (its body sees the lets before it).</summary>
    private readonly Dictionary<UserFunctionSymbol, Scope> _declaringScopes = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Binds a call of a query-defined function. <paramref name="input"/> is the piped input of <c>invoke</c>, which
    /// takes the first parameter.
    /// </summary>
    private Bound BindUserFunctionCall(
        UserFunctionSymbol function, IReadOnlyList<Expression> arguments, SyntaxNode callNode, Context context, Rows? input = null)
    {
        var supplied = arguments.Count + (input is null ? 0 : 1);
        if (supplied < function.MinArgumentCount || supplied > function.Parameters.Length)
        {
            foreach (var argument in arguments)
            {
                BindExpression(argument, context);
            }

            var expected = function.MinArgumentCount == function.Parameters.Length
                ? $"{function.Parameters.Length} argument(s)"
                : $"{function.MinArgumentCount} to {function.Parameters.Length} arguments";
            Report(BindingDiagnostics.WrongArgumentCount(function.Name, expected, supplied, callNode.TextStart, callNode.Width));
            return function.Declaration.Body.Statements.Count > 0 ? BindUserFunctionBody(function, null, context.Scope, callNode) : Bound.Unknown;
        }

        var values = new List<Bound>(function.Parameters.Length);
        if (input is { } rows)
        {
            values.Add(Bound.Table(rows));
        }

        foreach (var argument in arguments)
        {
            var parameter = function.Parameters[values.Count];
            var bound = parameter.IsTabular ? Bound.Table(BindTabular(argument, context)) : BindExpression(argument, context);
            if (!parameter.IsTabular)
            {
                if (bound.IsTabular)
                {
                    Report(BindingDiagnostics.ExpectedScalar(argument.TextStart, argument.Width));
                }
                else if (!IsAcceptedForDeclaredType(parameter.Type, bound.Type))
                {
                    Report(BindingDiagnostics.WrongArgumentType(function.Name, parameter.Name, TypeFacts.GetName(parameter.Type), bound.Type,
                        argument.TextStart, argument.Width));
                }
            }

            values.Add(bound);
        }

        return BindUserFunctionBody(function, values, context.Scope, callNode);
    }

    private static bool IsAcceptedForDeclaredType(ScalarType declared, ScalarType actual) =>
        declared == ScalarType.Unknown || actual is ScalarType.Unknown or ScalarType.Dynamic || declared == ScalarType.Dynamic
        || TypeFacts.IsPromotable(actual, declared)
        || (TypeFacts.IsNumeric(declared) && TypeFacts.IsNumeric(actual));

    /// <summary>
    /// Binds the body with the parameters bound to <paramref name="values"/> (their declared types when null, as at
    /// the declaration). Returns the body's result.
    /// </summary>
    private Bound BindUserFunctionBody(UserFunctionSymbol function, List<Bound>? values, Scope callerScope, SyntaxNode site)
    {
        if (_callDepth >= MaxCallDepth)
        {
            return Bound.Unknown;
        }

        if (!_declaringScopes.TryGetValue(function, out var declaringScope))
        {
            declaringScope = callerScope;
            _declaringScopes[function] = declaringScope;
        }

        var scope = new Scope(declaringScope);
        for (var i = 0; i < function.Parameters.Length; i++)
        {
            var parameter = function.Parameters[i];
            var value = values is not null && i < values.Count ? values[i] : (Bound?)null;
            if (parameter.IsTabular)
            {
                var schema = value is { IsTabular: true } v ? v.Schema! : parameter.Schema!;
                scope.Declare(new TabularVariableSymbol(parameter.Name, schema, isParameter: true, isMaterialized: false));
            }
            else
            {
                var type = parameter.Type != ScalarType.Unknown ? parameter.Type : value?.Type ?? ScalarType.Unknown;
                scope.Declare(new ScalarVariableSymbol(parameter.Name, type, isParameter: true));
            }
        }

        // This call's body binding, kept apart from other calls' (the argument types may differ).
        var binding = new CallSiteBinding();
        (_bodies.Count > 0 ? _bodies.Peek().Sites : _callSites)[site] = binding;
        _bodies.Push(binding);
        _callDepth++;
        try
        {
            // A function must not call itself (directly or not): hide its own name inside the body.
            scope.Declare(new ScalarVariableSymbol(function.Name, ScalarType.Unknown, isParameter: false));
            var result = Bound.Unknown;
            foreach (var statement in function.Declaration.Body.Statements)
            {
                switch (statement)
                {
                    case LetStatement let:
                        BindLet(let, scope);
                        break;
                    case ExpressionStatement expressionStatement:
                        result = BindExpression(expressionStatement.Expression, Context.Global(scope) with { PreferTabular = true });
                        break;
                }
            }

            return result;
        }
        finally
        {
            _callDepth--;
            _bodies.Pop();
        }
    }
}
