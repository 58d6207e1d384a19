using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Values of <c>set option = value</c> statements the plan reads (the bin_auto options), by name.</summary>
    private readonly Dictionary<string, ScalarExpr> _options = new(StringComparer.Ordinal);

    /// <summary>The result limits the query's <c>set</c> statements ask for.</summary>
    private ResultLimits _limits = new();

    private void RecordOption(SetStatement set)
    {
        var name = set.Option.SimpleName;
        if (set.Value is { } value && name is "query_bin_auto_size" or "query_bin_auto_at")
        {
            _options[name] = PlanScalar(value, TableSchema.Empty);
            return;
        }

        switch (name)
        {
            case "notruncation":
                _limits = _limits with { NoTruncation = set.Value is null || OptionValue(set) != 0 };
                break;
            case "truncationmaxrecords":
                _limits = _limits with { MaxRecords = OptionValue(set) };
                break;
            case "truncationmaxsize":
                _limits = _limits with { MaxSize = OptionValue(set) };
                break;
        }
    }

    /// <summary>A limit option's constant value (bool or integer).</summary>
    private long OptionValue(SetStatement set)
    {
        var planned = set.Value is null ? null : PlanScalar(set.Value, TableSchema.Empty);
        return planned switch
        {
            ConstantExpr { Value.IsNull: false, Type: ScalarType.Bool } b => b.Value.Bool ? 1 : 0,
            ConstantExpr { Value.IsNull: false, Type: ScalarType.Long or ScalarType.Int } n when n.Value.Int64 >= 0 => n.Value.Int64,
            _ => throw new QueryException(QueryErrorKind.Semantic, $"set {set.Option.SimpleName} needs a constant non-negative number (or true/false)."),
        };
    }

    /// <summary>
    /// <c>bin_auto(value)</c> is <c>bin_at(value, query_bin_auto_size, query_bin_auto_at)</c> with the query's options
    /// (bin-auto-function.md); the fixed point defaults to zero of the value's type.
    /// </summary>
    private ScalarExpr PlanBinAuto(ScalarExpr[] arguments, ScalarType type, Expression source)
    {
        if (arguments.Length != 1)
        {
            throw new QueryException(QueryErrorKind.Semantic, "bin_auto() takes one argument.");
        }

        if (!_options.TryGetValue("query_bin_auto_size", out var size))
        {
            throw new QueryException(QueryErrorKind.Semantic, "bin_auto() needs the bin size: set query_bin_auto_size=... before the query.");
        }

        var value = arguments[0];
        var at = _options.TryGetValue("query_bin_auto_at", out var fixedPoint)
            ? fixedPoint
            : new ConstantExpr(value.Type switch
            {
                ScalarType.DateTime => ScalarValue.FromDateTime(0),
                ScalarType.TimeSpan => ScalarValue.FromTimeSpan(0),
                ScalarType.Real => ScalarValue.FromReal(0),
                _ => ScalarValue.FromInt64(value.Type, 0),
            });
        return Call("bin_at", [value, size, at], type, source);
    }
}
