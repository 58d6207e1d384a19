using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// Argument values of the user-function calls being planned, innermost last, by parameter name. A body sees only
    /// its own parameters (and the lets declared before the function), so lookups read the innermost frame.
    /// </summary>
    private readonly List<Dictionary<string, object>> _frames = [];

    /// <summary>Deepest nesting of user-function calls (the binder already rejects recursion; this bounds the rest).</summary>
    private const int MaxCallDepth = 64;

    /// <summary>The planned value of a let, <c>as</c> name or function parameter: a <see cref="ScalarExpr"/> or a <see cref="LogicalOperator"/>.</summary>
    private bool TryGetLocal(LocalSymbol local, out object value)
    {
        var isParameter = local is ScalarVariableSymbol { IsParameter: true } or TabularVariableSymbol { IsParameter: true };
        if (isParameter && _frames.Count > 0 && _frames[^1].TryGetValue(local.Name, out value!))
        {
            return true;
        }

        return _locals.TryGetValue(local, out value!);
    }

    /// <summary>
    /// A call of a query-defined function (or view, or lambda), inlined: each argument is planned at the call site
    /// (scalars over the caller's row, tables as plans), missing ones take the parameter's default, and the body's
    /// last statement is planned with the parameters bound. <paramref name="piped"/> is <c>invoke</c>'s input (the
    /// first parameter).
    /// </summary>
    private object PlanUserFunctionCall(
        UserFunctionSymbol function, IReadOnlyList<Expression> arguments, LogicalOperator? piped, TableSchema input, SyntaxNode site)
    {
        if (_frames.Count >= MaxCallDepth)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"The function '{function.Name}' nests calls too deeply.");
        }

        var frame = new Dictionary<string, object>(StringComparer.Ordinal);
        var parameters = function.Parameters;
        var declared = function.Declaration.Parameters;
        var next = 0;
        if (piped is not null)
        {
            if (parameters.Length == 0 || !parameters[0].IsTabular)
            {
                throw new QueryException(QueryErrorKind.Semantic, $"'{function.Name}' does not take a table as its first parameter.");
            }

            frame[parameters[0].Name] = piped;
            next = 1;
        }

        foreach (var item in arguments)
        {
            var (name, argument) = item is SimpleNamedExpression named ? (named.Name.SimpleName, named.Expression) : (null, item);
            var index = name is null ? next : IndexOfParameter(function, name);
            if (index < 0 || index >= parameters.Length)
            {
                throw new QueryException(QueryErrorKind.Semantic, $"Too many arguments for '{function.Name}' in '{Snippet(site)}'.");
            }

            frame[parameters[index].Name] = PlanArgument(parameters[index], argument, input);
            next = index + 1;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (frame.ContainsKey(parameters[i].Name))
            {
                continue;
            }

            if (i < declared.Count && declared[i].DefaultValue is { } fallback)
            {
                frame[parameters[i].Name] = PlanArgument(parameters[i], fallback, TableSchema.Empty);
                continue;
            }

            throw new QueryException(QueryErrorKind.Semantic, $"The call '{Snippet(site)}' gives no value for '{parameters[i].Name}'.");
        }

        _frames.Add(frame);
        var caller = _bound;
        _bound = caller.ForCallSite(site);
        try
        {
            object? result = null;
            foreach (var statement in function.Declaration.Body.Statements)
            {
                switch (statement)
                {
                    case LetStatement let:
                        PlanLet(let);
                        break;
                    case ExpressionStatement expression:
                        result = _bound.GetInfo(expression.Expression)?.IsTabular == true
                            ? PlanTabular(expression.Expression)
                            : PlanScalar(expression.Expression, input);
                        break;
                }
            }

            return result ?? throw new QueryException(QueryErrorKind.Semantic, $"The function '{function.Name}' has no result expression.");
        }
        finally
        {
            _bound = caller;
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    private object PlanArgument(UserFunctionParameter parameter, Expression argument, TableSchema input)
    {
        if (parameter.IsTabular)
        {
            return PlanTabular(argument);
        }

        var value = PlanScalar(argument, input);
        return parameter.Type is ScalarType.Unknown ? value : FunctionRegistry.Convert(value, PlanTypes.Normalize(parameter.Type));
    }

    private static int IndexOfParameter(UserFunctionSymbol function, string name)
    {
        for (var i = 0; i < function.Parameters.Length; i++)
        {
            if (function.Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A user function called where a table is expected; its body must give a table.</summary>
    private LogicalOperator PlanTabularUserCall(UserFunctionSymbol function, IReadOnlyList<Expression> arguments, LogicalOperator? piped, SyntaxNode site) =>
        PlanUserFunctionCall(function, arguments, piped, TableSchema.Empty, site) as LogicalOperator
            ?? throw new QueryException(QueryErrorKind.Semantic, $"'{Snippet(site)}' does not give a table.");

    /// <summary>A user function called where a scalar is expected; its body must give a scalar.</summary>
    private ScalarExpr PlanScalarUserCall(UserFunctionSymbol function, IReadOnlyList<Expression> arguments, TableSchema input, SyntaxNode site) =>
        PlanUserFunctionCall(function, arguments, null, input, site) switch
        {
            ScalarExpr scalar => scalar,
            LogicalOperator table => ToScalarOf(table),
            _ => throw new QueryException(QueryErrorKind.Semantic, $"'{Snippet(site)}' does not give a value."),
        };

    private ConstantExpr ToScalarOf(LogicalOperator table)
    {
        var rows = Materialize(table, "toscalar").Rows;
        return rows.Schema.Count == 0
            ? new ConstantExpr(ScalarValue.Null(ScalarType.Dynamic))
            : new ConstantExpr(rows.Count == 0 ? ScalarValue.Null(PlanTypes.Normalize(rows.Schema.Columns[0].Type)) : rows.Columns[0].GetValue(0));
    }

    /// <summary><c>T | invoke f(args)</c>: f is called with T as its first argument.</summary>
    private LogicalOperator PlanInvoke(InvokeOperator invoke, LogicalOperator input)
    {
        if (invoke.Function is FunctionCallExpression call && _bound.GetInfo(call)?.ReferencedLocal is UserFunctionSymbol function)
        {
            return PlanTabularUserCall(function, call.Arguments, input, call);
        }

        throw QueryException.NotSupported($"invoke of '{Snippet(invoke.Function)}'");
    }

    /// <summary>A function call in a tabular position: a user function, a view, <c>materialize()</c>.</summary>
    private LogicalOperator PlanTabularCall(FunctionCallExpression call)
    {
        if (_bound.GetInfo(call)?.ReferencedLocal is UserFunctionSymbol function)
        {
            return PlanTabularUserCall(function, call.Arguments, null, call);
        }

        var name = call.Name.SimpleName;
        if (name == "materialize" && call.Arguments.Count == 1)
        {
            return Materialize(PlanTabular(call.Arguments[0]), "materialize");
        }

        if (name == "table" && TryPlanTableCall(call) is { } table)
        {
            return table;
        }

        throw QueryException.NotSupported($"The tabular expression '{Snippet(call)}'");
    }

    /// <summary>
    /// <c>table('Name')</c> with a literal name: the workspace table the binder resolved, or a tabular <c>let</c>
    /// of that name. A name only known at run time (a function parameter) is not supported.
    /// </summary>
    private LogicalOperator? TryPlanTableCall(FunctionCallExpression call)
    {
        if (_bound.GetInfo(call)?.ReferencedTable is { } table)
        {
            return ScanTable(table);
        }

        if (call.Arguments.Count is 1 or 2
            && Optimizer.ConstantFolding.TryFold(PlanScalar(call.Arguments[0], TableSchema.Empty), _nowTicks) is { Type: ScalarType.String, IsNull: false } name)
        {
            foreach (var (local, value) in _locals)
            {
                if (local is TabularVariableSymbol && local.Name == name.String && value is LogicalOperator planned)
                {
                    return planned;
                }
            }
        }

        return null;
    }
}
