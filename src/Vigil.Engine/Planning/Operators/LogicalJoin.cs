using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// <c>join kind=K (right) on keys</c>: equality of <see cref="LeftKeys"/> (over the left input) with
/// <see cref="RightKeys"/> (over the right input). The output is the left columns then the right ones (renamed by the
/// binder), or one side only for the semi/anti kinds.
/// </summary>
internal sealed class LogicalJoin(LogicalOperator left, LogicalOperator right, string kind, ScalarExpr[] leftKeys, ScalarExpr[] rightKeys, TableSchema schema)
    : LogicalOperator(schema)
{
    public LogicalOperator Left { get; } = left;

    public LogicalOperator Right { get; } = right;

    /// <summary>innerunique (Kusto's default), inner, leftouter, rightouter, fullouter, leftsemi, leftanti, rightsemi, rightanti.</summary>
    public string Kind { get; } = kind;

    public ScalarExpr[] LeftKeys { get; } = leftKeys;

    public ScalarExpr[] RightKeys { get; } = rightKeys;


    public override IReadOnlyList<LogicalOperator> Children => [Left, Right];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) =>
        new LogicalJoin(children[0], children[1], Kind, LeftKeys, RightKeys, Schema);

    public override string Describe() =>
        $"Join kind={Kind} on {string.Join(" and ", LeftKeys.Select((k, i) => $"$left.{k} == $right.{RightKeys[i]}"))}";

    public override void Verify()
    {
        foreach (var key in LeftKeys)
        {
            VerifyColumns(key, Left.Schema, this);
        }

        foreach (var key in RightKeys)
        {
            VerifyColumns(key, Right.Schema, this);
        }

        base.Verify();
    }
}
