using System.Text;
using Vigil.Engine.Functions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Expressions;

/// <summary>
/// A planned scalar expression: typed, with names resolved to input column ordinals and calls resolved to
/// function implementations. Immutable; optimizer passes build new trees. Distinct from the syntax tree the binder
/// annotates (the planner translates one into the other).
/// </summary>
internal abstract class ScalarExpr
{
    protected ScalarExpr(ScalarType type) => Type = type;

    public ScalarType Type { get; }

    public abstract override string ToString();

    /// <summary>Rewrites children bottom-up with <paramref name="rewrite"/>.</summary>
    public abstract ScalarExpr Rewrite(Func<ScalarExpr, ScalarExpr> rewrite);

    /// <summary>Calls <paramref name="visit"/> for each column ordinal the expression reads.</summary>
    public abstract void VisitColumns(Action<int> visit);
}

/// <summary>A column of the operator's input, by ordinal.</summary>
internal sealed class ColumnExpr(int ordinal, string name, ScalarType type) : ScalarExpr(type)
{
    public int Ordinal { get; } = ordinal;

    public string Name { get; } = name;

    public override string ToString() => Name;

    public override ScalarExpr Rewrite(Func<ScalarExpr, ScalarExpr> rewrite) => rewrite(this);

    public override void VisitColumns(Action<int> visit) => visit(Ordinal);
}

/// <summary>A constant.</summary>
internal sealed class ConstantExpr(ScalarValue value) : ScalarExpr(value.Type)
{
    public ScalarValue Value { get; } = value;

    public override string ToString() => Value.ToString();

    public override ScalarExpr Rewrite(Func<ScalarExpr, ScalarExpr> rewrite) => rewrite(this);

    public override void VisitColumns(Action<int> visit)
    {
    }
}

/// <summary>A call of a scalar function; operators (<c>==</c>, <c>has</c>, <c>and</c>...) are functions too.</summary>
internal sealed class CallExpr(ScalarFunction function, ScalarExpr[] arguments, ScalarType type) : ScalarExpr(type)
{
    public ScalarFunction Function { get; } = function;

    public ScalarExpr[] Arguments { get; } = arguments;

    public override string ToString()
    {
        var builder = new StringBuilder();
        if (Function.IsOperator && Arguments.Length == 2)
        {
            return builder.Append('(').Append(Arguments[0]).Append(' ').Append(Function.Name).Append(' ').Append(Arguments[1]).Append(')').ToString();
        }

        builder.Append(Function.Name).Append('(');
        for (var i = 0; i < Arguments.Length; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty).Append(Arguments[i]);
        }

        return builder.Append(')').ToString();
    }

    public override ScalarExpr Rewrite(Func<ScalarExpr, ScalarExpr> rewrite)
    {
        ScalarExpr[]? changed = null;
        for (var i = 0; i < Arguments.Length; i++)
        {
            var argument = Arguments[i].Rewrite(rewrite);
            if (!ReferenceEquals(argument, Arguments[i]))
            {
                changed ??= (ScalarExpr[])Arguments.Clone();
                changed[i] = argument;
            }
        }

        return rewrite(changed is null ? this : new CallExpr(Function, changed, Type));
    }

    public override void VisitColumns(Action<int> visit)
    {
        foreach (var argument in Arguments)
        {
            argument.VisitColumns(visit);
        }
    }
}
