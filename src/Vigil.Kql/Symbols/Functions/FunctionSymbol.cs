using System.Collections.Immutable;

namespace Vigil.Kql.Symbols;

/// <summary>What a function is: called per row, per group, over a serialized row set, or by <c>evaluate</c>.</summary>
public enum FunctionKind
{
    /// <summary>A scalar function (<c>strlen</c>, <c>ago</c>, ...).</summary>
    Scalar,

    /// <summary>An aggregate used in <c>summarize</c>, <c>make-series</c>, ... (<c>count</c>, <c>arg_max</c>).</summary>
    Aggregate,

    /// <summary>A window function: a scalar function that needs a serialized row set (<c>prev</c>, <c>row_number</c>).</summary>
    Window,

    /// <summary>An <c>evaluate</c> plugin (<c>bag_unpack</c>, <c>pivot</c>).</summary>
    Plugin,
}

/// <summary>The types a parameter accepts: a scalar type, or a family of them.</summary>
public enum ParameterType
{
    /// <summary>Any scalar value.</summary>
    Scalar,
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    DateTime,
    TimeSpan,
    String,
    Dynamic,
    Guid,

    /// <summary>int, long, real or decimal.</summary>
    Number,

    /// <summary>int or long.</summary>
    Integer,

    /// <summary>Numbers, timespan, datetime.</summary>
    Summable,

    /// <summary>Anything with an order: every scalar type except dynamic.</summary>
    Orderable,

    /// <summary>Any scalar except dynamic.</summary>
    NotDynamic,

    /// <summary>An integer or a dynamic array of them.</summary>
    IntegerOrDynamic,

    /// <summary>A scalar or <c>*</c> (all columns), as in <c>arg_max(x, *)</c>.</summary>
    ScalarOrStar,

    /// <summary>A <c>typeof(T)</c> literal.</summary>
    TypeLiteral,

    /// <summary>A tabular expression.</summary>
    Tabular,

    /// <summary>Anything: scalar, tabular, named argument (plugin arguments are checked by the plugin).</summary>
    Any,
}

/// <summary>How a function's result type is found.</summary>
public enum ReturnRule
{
    /// <summary>Always <see cref="FunctionSymbol.ReturnType"/>.</summary>
    Fixed,

    /// <summary>The type of argument <see cref="FunctionSymbol.ReturnArgument"/>.</summary>
    Argument,

    /// <summary>The argument's type widened as <c>sum</c> does: int -> long, others unchanged.</summary>
    Sum,

    /// <summary>As <c>avg</c>: numbers -> real (decimal stays decimal), timespan and datetime unchanged.</summary>
    Average,

    /// <summary>Computed by the binder from the arguments (<c>iff</c>, <c>bin</c>, <c>arg_max</c>, ...).</summary>
    Custom,

    /// <summary>A table (cluster/database/table functions and plugins).</summary>
    Tabular,
}

/// <summary>How a projection names the column holding a call's result when the query gives no name.</summary>
public enum ResultNaming
{
    /// <summary><c>Column1</c>, <c>Column2</c>, ... (extend/project) or <c>print_0</c> (print).</summary>
    None,

    /// <summary>The name of the first argument (<c>bin(Timestamp, 1h)</c> -> <c>Timestamp</c>).</summary>
    FirstArgument,

    /// <summary>The first argument's name, only when it is the only argument.</summary>
    OnlyArgument,

    /// <summary><c>prefix_Arg</c> (<c>dcount(DeviceId)</c> -> <c>dcount_DeviceId</c>); <c>prefix_</c> without a named argument.</summary>
    PrefixAndFirstArgument,

    /// <summary>Always <see cref="FunctionSymbol.ResultNamePrefix"/>.</summary>
    Fixed,

    /// <summary><c>prefix_Arg1_Arg2</c> (<c>covariance(x, y)</c> -> <c>covariance_x_y</c>).</summary>
    PrefixAndFirstTwoArguments,

    /// <summary>The value of the first argument when it names a column (<c>column_ifexists</c>).</summary>
    FirstArgumentValueIfColumn,
}

/// <summary>A parameter of a built-in function: a name, what it accepts and how many arguments it takes.</summary>
public sealed record ParameterSymbol(string Name, ParameterType Type, int MinOccurring = 1, int MaxOccurring = 1)
{
    public bool IsOptional => MinOccurring == 0;

    public bool IsRepeatable => MaxOccurring > 1;
}

/// <summary>
/// A built-in function's signature as static data: its parameters, how its result type is found and how its result
/// column is named. Implementations are registered against these symbols by the engine.
/// </summary>
public sealed class FunctionSymbol
{
    internal FunctionSymbol(
        string name,
        FunctionKind kind,
        string category,
        ImmutableArray<ParameterSymbol> parameters,
        ReturnRule returnRule,
        ScalarType returnType,
        int returnArgument,
        ResultNaming resultNaming,
        string? resultNamePrefix,
        string? obsoleteReplacement,
        bool isHidden,
        ImmutableArray<ColumnSymbol> tupleColumns)
    {
        Name = name;
        Kind = kind;
        Category = category;
        Parameters = parameters;
        ReturnRule = returnRule;
        ReturnType = returnType;
        ReturnArgument = returnArgument;
        ResultNaming = resultNaming;
        ResultNamePrefix = resultNamePrefix;
        ObsoleteReplacement = obsoleteReplacement;
        IsHidden = isHidden;
        TupleColumns = tupleColumns;
        var min = 0;
        var max = 0;
        foreach (var p in parameters)
        {
            min += p.MinOccurring;
            max = max == int.MaxValue || p.MaxOccurring == int.MaxValue ? int.MaxValue : max + p.MaxOccurring;
        }

        MinArgumentCount = min;
        MaxArgumentCount = max;
    }

    public string Name { get; }

    public FunctionKind Kind { get; }

    /// <summary>The catalog category (e.g. "string functions", "aggregate", "plugin").</summary>
    public string Category { get; }

    public ImmutableArray<ParameterSymbol> Parameters { get; }

    public ReturnRule ReturnRule { get; }

    /// <summary>The result type when <see cref="ReturnRule"/> is <see cref="ReturnRule.Fixed"/>.</summary>
    public ScalarType ReturnType { get; }

    /// <summary>The argument whose type is the result for <see cref="ReturnRule.Argument"/>, else -1.</summary>
    public int ReturnArgument { get; }

    public ResultNaming ResultNaming { get; }

    /// <summary>The prefix for <see cref="ResultNaming.PrefixAndFirstArgument"/> / the name for <see cref="ResultNaming.Fixed"/>.</summary>
    public string? ResultNamePrefix { get; }

    /// <summary>The function to use instead, when this one is obsolete (a deprecated alias).</summary>
    public string? ObsoleteReplacement { get; }

    public bool IsObsolete => ObsoleteReplacement is not null;

    /// <summary>Internal to Kusto (not offered to users), e.g. <c>__hash_djb2</c>.</summary>
    public bool IsHidden { get; }

    /// <summary>Neither obsolete nor hidden: what the catalog counts as "live".</summary>
    public bool IsLive => !IsObsolete && !IsHidden;

    /// <summary>For functions that return several values (<c>series_stats</c>, <c>series_decompose_anomalies</c>):
    /// the columns an <c>extend</c> without names creates, each prefixed with <c>function_argument_</c>.</summary>
    public ImmutableArray<ColumnSymbol> TupleColumns { get; }

    public int MinArgumentCount { get; }

    /// <summary>The most arguments accepted; <see cref="int.MaxValue"/> when unbounded.</summary>
    public int MaxArgumentCount { get; }

    public override string ToString() => Name;
}
