using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private LogicalJoin PlanJoin(JoinOperator join, LogicalOperator left, TableSchema output)
    {
        var kind = ParameterText(join.Parameters, "kind") ?? "innerunique";

        kind = kind switch { "anti" or "leftantisemi" => "leftanti", "rightantisemi" => "rightanti", _ => kind };
        if (kind is not ("innerunique" or "inner" or "leftouter" or "rightouter" or "fullouter"
            or "leftsemi" or "leftanti" or "rightsemi" or "rightanti"))
        {
            throw QueryException.NotSupported($"join kind={kind}");
        }

        var right = PlanTabular(join.Right);
        var leftKeys = new List<ScalarExpr>();
        var rightKeys = new List<ScalarExpr>();
        foreach (var term in join.On.Expressions)
        {
            AddJoinKeys(term, left.Schema, right.Schema, leftKeys, rightKeys);
        }

        var columns = new List<ColumnSymbol>();
        var sides = kind switch
        {
            "leftsemi" or "leftanti" => [left.Schema],
            "rightsemi" or "rightanti" => [right.Schema],
            _ => new[] { left.Schema, right.Schema },
        };
        var position = 0;
        foreach (var side in sides)
        {
            foreach (var column in side.Columns)
            {
                var name = position < output.Count ? output.Columns[position].Name : column.Name;
                columns.Add(new ColumnSymbol(name, column.Type));
                position++;
            }
        }

        return new LogicalJoin(left, right, kind, [.. leftKeys], [.. rightKeys], new TableSchema(columns));
    }

    private void AddJoinKeys(Expression term, TableSchema left, TableSchema right, List<ScalarExpr> leftKeys, List<ScalarExpr> rightKeys)
    {
        while (term is ParenthesizedExpression p)
        {
            term = p.Expression;
        }

        switch (term)
        {
            case NameReference reference:
                leftKeys.Add(ColumnOf(left, reference.SimpleName));
                rightKeys.Add(ColumnOf(right, reference.SimpleName));
                return;
            case BinaryExpression { OperatorKind: BinaryOperatorKind.And } and:
                AddJoinKeys(and.Left, left, right, leftKeys, rightKeys);
                AddJoinKeys(and.Right, left, right, leftKeys, rightKeys);
                return;
            case BinaryExpression { OperatorKind: BinaryOperatorKind.Equal } equal
                when SideOf(equal.Left) is { } a && SideOf(equal.Right) is { } b && a.Side != b.Side:
                var (l, r) = a.Side == "$left" ? (a.Name, b.Name) : (b.Name, a.Name);
                leftKeys.Add(ColumnOf(left, l));
                rightKeys.Add(ColumnOf(right, r));
                return;
            default:
                throw QueryException.NotSupported($"The join condition '{Snippet(term)}'");
        }
    }

    private static (string Side, string Name)? SideOf(Expression expression) =>
        expression is PathExpression { Expression: NameReference side, Selector: NameReference column }
        && side.SimpleName is "$left" or "$right"
            ? (side.SimpleName, column.SimpleName)
            : null;

    /// <summary>The text of an operator parameter such as <c>kind=inner</c> (the last one given wins), or null.</summary>
    private static string? ParameterText(SyntaxList<NamedParameter> parameters, string name)
    {
        string? text = null;
        foreach (var parameter in parameters)
        {
            if (parameter.Name.Text == name)
            {
                text = parameter.Value.ToString().Trim();
            }
        }

        return text;
    }
}
