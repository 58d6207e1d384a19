using System.Collections.Immutable;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

/// <summary>A name the query declares: a let-bound value, a function, a function parameter, an <c>as</c> name.</summary>
public abstract class LocalSymbol
{
    private protected LocalSymbol(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary><c>let x = 5;</c>, <c>let t = toscalar(...)</c>, or a scalar function parameter.</summary>
public sealed class ScalarVariableSymbol : LocalSymbol
{
    internal ScalarVariableSymbol(string name, ScalarType type, bool isParameter)
        : base(name)
    {
        Type = type;
        IsParameter = isParameter;
    }

    public ScalarType Type { get; }

    public bool IsParameter { get; }
}

/// <summary><c>let T = Table | where ...;</c>, <c>let T = materialize(...)</c>, <c>... | as T</c>, or a tabular parameter.</summary>
public sealed class TabularVariableSymbol : LocalSymbol
{
    internal TabularVariableSymbol(string name, TableSchema schema, bool isParameter, bool isMaterialized)
        : base(name)
    {
        Schema = schema;
        IsParameter = isParameter;
        IsMaterialized = isMaterialized;
    }

    public TableSchema Schema { get; }

    public bool IsParameter { get; }

    /// <summary>True for <c>let T = materialize(...)</c>: the engine computes it once.</summary>
    public bool IsMaterialized { get; }
}

/// <summary>A parameter of a user function: a scalar type, or a tabular schema (<c>T:(*)</c> is open).</summary>
public sealed record UserFunctionParameter(string Name, ScalarType Type, TableSchema? Schema, bool HasDefault)
{
    public bool IsTabular => Schema is not null;
}

/// <summary><c>let f = (a:string, T:(*)) { ... };</c> or <c>let v = view () { ... };</c>. Its body is bound at each call
/// site with the arguments' types (a tabular parameter takes the schema of the table passed).</summary>
public sealed class UserFunctionSymbol : LocalSymbol
{
    internal UserFunctionSymbol(string name, FunctionDeclaration declaration, ImmutableArray<UserFunctionParameter> parameters)
        : base(name)
    {
        Declaration = declaration;
        Parameters = parameters;
    }

    public FunctionDeclaration Declaration { get; }

    public ImmutableArray<UserFunctionParameter> Parameters { get; }

    public bool IsView => Declaration.ViewKeyword is not null;

    public int MinArgumentCount
    {
        get
        {
            var count = 0;
            foreach (var p in Parameters)
            {
                if (!p.HasDefault)
                {
                    count++;
                }
            }

            return count;
        }
    }
}

/// <summary>A step of <c>scan</c>: <c>StepName.Column</c> reads the column (input or declared) of the step's last match.</summary>
public sealed class ScanStepSymbol : LocalSymbol
{
    internal ScanStepSymbol(string name, TableSchema schema)
        : base(name)
    {
        Schema = schema;
    }

    /// <summary>The scan's input columns followed by its declared columns.</summary>
    public TableSchema Schema { get; }
}
