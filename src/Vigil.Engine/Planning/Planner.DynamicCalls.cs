using Vigil.Engine.Functions;
using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

/// <summary>
/// Calls that need the planner's view of the row: <c>pack_all()</c> (every column), <c>column_ifexists(name,
/// default)</c> (a column chosen by name while planning), and functions that produce several columns
/// (<c>series_stats(x)</c>, <c>series_fit_line(x)</c>, <c>(a, b) = array_sort_asc(x, y)</c>): their implementations
/// return a dynamic array of the values, spread here over one column each.
/// </summary>
internal sealed partial class Planner
{
    /// <summary>A call planned here rather than by the function registry, or null.</summary>
    private ScalarExpr? TryPlanRowCall(FunctionCallExpression call, string name, TableSchema input)
    {
        switch (name)
        {
            case "pack_all":
            {
                var arguments = new List<ScalarExpr>();
                foreach (var argument in call.Arguments)
                {
                    arguments.Add(PlanScalar(Unname(argument).Expression, input));
                }

                foreach (var column in input.Columns)
                {
                    arguments.Add(ColumnOf(input, column.Name));
                }

                return Call(name, [.. arguments], ScalarType.Dynamic, call);
            }

            case "pack_array" or "estimate_data_size" when call.Arguments.Any(a => a is StarExpression):
            {
                // pack_array(*), estimate_data_size(*): the row's columns in order, wherever the star stands.
                var arguments = new List<ScalarExpr>();
                foreach (var argument in call.Arguments)
                {
                    if (argument is StarExpression)
                    {
                        arguments.AddRange(input.Columns.Select(c => (ScalarExpr)ColumnOf(input, c.Name)));
                    }
                    else
                    {
                        arguments.Add(PlanScalar(Unname(argument).Expression, input));
                    }
                }

                return Call(name, [.. arguments], name == "pack_array" ? ScalarType.Dynamic : ScalarType.Long, call);
            }

            case "column_ifexists" or "columnifexists" when call.Arguments.Count == 2:
            {
                var type = PlanTypes.Normalize(_bound.GetType(call));
                var column = Optimizer.ConstantFolding.TryFold(PlanScalar(call.Arguments[0], TableSchema.Empty), _nowTicks);
                if (column is not { Type: ScalarType.String } constant)
                {
                    throw new QueryException(QueryErrorKind.Semantic, "column_ifexists() expects a constant column name.");
                }

                var chosen = input.IndexOf(constant.String) >= 0 || input.TryGetColumn(constant.String, out _)
                    ? ColumnOf(input, constant.String)
                    : PlanScalar(call.Arguments[1], input);
                return type == ScalarType.Unknown ? chosen : FunctionRegistry.Convert(chosen, type);
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// The columns of a projection item that yields several (<c>series_stats(x)</c> or <c>(a, b) = f(x)</c>), or
    /// null for an ordinary item.
    /// </summary>
    private List<NamedExpr>? TryPlanTupleItem(Expression item, TableSchema input)
    {
        FunctionCallExpression? call;
        List<string> names;
        switch (item)
        {
            case CompoundNamedExpression { Expression: FunctionCallExpression compoundCall } compound:
                call = compoundCall;
                names = [.. compound.Names.Select(n => n.SimpleName)];
                break;
            case FunctionCallExpression plain when TupleOf(plain) is { IsDefaultOrEmpty: false } fields:
            {
                call = plain;
                var prefix = plain.Name.SimpleName;
                if (plain.Arguments.Count > 0 && Unname(plain.Arguments[0]).Expression is NameReference argument)
                {
                    prefix += "_" + argument.SimpleName;
                }

                names = [.. fields.Select(f => prefix + "_" + f.Name)];
                break;
            }

            case FunctionCallExpression sort when SortedArrayNames(sort) is { } sorted:
                call = sort;
                names = sorted;
                break;
            default:
                return null;
        }

        var tuple = TupleOf(call);
        var planned = PlanScalar(call, input);
        if (planned.Type != ScalarType.Dynamic)
        {
            throw QueryException.NotSupported($"Assigning several names from '{Snippet(call)}'");
        }

        var columns = new List<NamedExpr>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var element = new CallExpr(new DynamicAccessFunction(), [planned, new ConstantExpr(ScalarValue.FromLong(i))], ScalarType.Dynamic);
            var type = !tuple.IsDefaultOrEmpty && i < tuple.Length ? PlanTypes.Normalize(tuple[i].Type) : ScalarType.Dynamic;
            columns.Add(new NamedExpr(names[i], type == ScalarType.Unknown ? element : FunctionRegistry.Convert(element, type)));
        }

        return columns;
    }

    /// <summary>array_sort_asc/desc over several arrays: one column per array, named as the binder names them.</summary>
    private List<string>? SortedArrayNames(FunctionCallExpression call)
    {
        if (call.Name.SimpleName is not ("array_sort_asc" or "array_sort_desc"))
        {
            return null;
        }

        var count = call.Arguments.Count;
        if (count > 0 && _bound.GetType(call.Arguments[count - 1]) == ScalarType.Bool)
        {
            count--;
        }

        if (count < 2)
        {
            return null;
        }

        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            names.Add((Unname(call.Arguments[i]).Expression is NameReference argument ? argument.SimpleName : "array" + (i + 1)) + "_sorted");
        }

        return names;
    }

    private System.Collections.Immutable.ImmutableArray<ColumnSymbol> TupleOf(FunctionCallExpression call) =>
        _bound.GetInfo(call)?.ReferencedFunction?.TupleColumns ?? [];
}
