using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Runs <paramref name="plan"/> now and keeps its rows (materialize, subqueries used as values).</summary>
    private LogicalMaterialized Materialize(LogicalOperator plan, string kind) =>
        plan as LogicalMaterialized ?? new LogicalMaterialized(_run(plan), kind);

    /// <summary>A query whose last statement is scalar returns it as one row, as <c>print</c> would.</summary>
    private LogicalValues PlanScalarStatement(Expression expression)
    {
        var value = PlanScalar(expression, TableSchema.Empty);
        return new LogicalValues(new TableSchema([new ColumnSymbol("print_0", value.Type)]), [[value]], "print");
    }

    /// <summary>
    /// <c>toscalar(expression)</c>: a tabular argument is run once and gives its first row's first column (null of
    /// that type when it has no rows); a scalar argument is computed once.
    /// </summary>
    private ScalarExpr PlanToScalar(FunctionCallExpression call)
    {
        var type = PlanTypes.Normalize(_bound.GetType(call));
        var argument = call.Arguments.Count > 0 ? Unname(call.Arguments[^1]).Expression : null;
        if (argument is null)
        {
            throw new QueryException(QueryErrorKind.Semantic, "toscalar() needs an argument.");
        }

        if (_bound.GetInfo(argument)?.IsTabular == true)
        {
            var rows = Materialize(PlanTabular(argument), "toscalar").Rows;
            if (rows.Schema.Count == 0 || rows.Count == 0)
            {
                return new ConstantExpr(ScalarValue.Null(type));
            }

            return FunctionRegistry.Convert(new ConstantExpr(rows.Columns[0].GetValue(0)), type);
        }

        var scalar = Optimizer.ConstantFolding.Fold(PlanScalar(argument, TableSchema.Empty), _nowTicks);
        if (scalar is ConstantExpr)
        {
            return FunctionRegistry.Convert(scalar, type);
        }

        // Not foldable (new_guid(), rand()): compute it once so every row sees the same value.
        var once = Materialize(new LogicalValues(new TableSchema([new ColumnSymbol("value", scalar.Type)]), [[scalar]], "print"), "toscalar").Rows;
        return FunctionRegistry.Convert(new ConstantExpr(once.Columns[0].GetValue(0)), type);
    }

    /// <summary>The values of a subquery's first column, distinct, as constants (right side of <c>in</c>, <c>has_any</c>).</summary>
    private List<ScalarExpr> SubqueryValues(Expression subquery)
    {
        var rows = Materialize(PlanTabular(subquery), "in").Rows;
        var values = new List<ScalarExpr>();
        if (rows.Schema.Count == 0)
        {
            return values;
        }

        var seen = new HashSet<ScalarValue>();
        var column = rows.Columns[0];
        for (var i = 0; i < rows.Count; i++)
        {
            var value = column.GetValue(i);
            if (seen.Add(value))
            {
                values.Add(new ConstantExpr(value));
            }
        }

        return values;
    }

    /// <summary><c>T | as [hint.materialized=true] Name</c>: later references to Name read T (computed once when hinted).</summary>
    private LogicalOperator PlanAs(AsOperator @as, LogicalOperator input)
    {
        var materialized = false;
        foreach (var parameter in @as.Parameters)
        {
            if (parameter.Name.Text == "hint.materialized")
            {
                materialized = parameter.Value.ToString().Trim() == "true";
            }
        }

        var plan = materialized ? Materialize(input, "as") : input;
        if (FindLocal(@as.Name.SimpleName, @as.TextStart) is { } symbol)
        {
            _locals[symbol] = plan;
        }

        return plan;
    }

    /// <summary>The name a union source column gives an argument: a table's or let's name, or a trailing <c>as</c>'s.</summary>
    private static string? UnionArgumentName(Expression table)
    {
        while (table is ParenthesizedExpression parenthesized)
        {
            table = parenthesized.Expression;
        }

        return table switch
        {
            NameReference reference => reference.SimpleName,
            PipeExpression { Operator: AsOperator @as } => @as.Name.SimpleName,
            _ => null,
        };
    }

    /// <summary>The local named <paramref name="name"/> that a reference after <paramref name="position"/> resolves to.</summary>
    private LocalSymbol? FindLocal(string name, int position)
    {
        foreach (var element in _bound.Root.DescendantsAndSelf())
        {
            if (element is NameReference reference && reference.SimpleName == name && reference.TextStart > position
                && _bound.GetInfo(reference)?.ReferencedLocal is { } local)
            {
                return local;
            }
        }

        return null;
    }
}
