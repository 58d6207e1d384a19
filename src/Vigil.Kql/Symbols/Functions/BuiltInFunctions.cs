using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Vigil.Kql.Symbols;

/// <summary>
/// KQL's built-in functions as static data: every scalar function (including window functions), aggregate and
/// <c>evaluate</c> plugin that Kusto knows, live, hidden and obsolete alike, with their signatures. Names are
/// case-sensitive. Scalar functions, aggregates and plugins live in separate name spaces (<c>any</c> is both a
/// graph function and an obsolete aggregate).
/// </summary>
public static partial class BuiltInFunctions
{
    private static readonly Lazy<Catalog> Loaded = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Scalar and window functions, in catalog order.</summary>
    public static ImmutableArray<FunctionSymbol> Scalars => Loaded.Value.Scalars;

    /// <summary>Aggregate functions, in catalog order.</summary>
    public static ImmutableArray<FunctionSymbol> Aggregates => Loaded.Value.Aggregates;

    /// <summary><c>evaluate</c> plugins, in catalog order.</summary>
    public static ImmutableArray<FunctionSymbol> Plugins => Loaded.Value.Plugins;

    /// <summary>The window functions (a subset of <see cref="Scalars"/>): they need a serialized row set.</summary>
    public static ImmutableArray<FunctionSymbol> WindowFunctions => Loaded.Value.Windows;

    public static bool TryGetScalar(string name, [NotNullWhen(true)] out FunctionSymbol? function) =>
        Loaded.Value.ScalarByName.TryGetValue(name, out function);

    public static bool TryGetAggregate(string name, [NotNullWhen(true)] out FunctionSymbol? function) =>
        Loaded.Value.AggregateByName.TryGetValue(name, out function);

    public static bool TryGetPlugin(string name, [NotNullWhen(true)] out FunctionSymbol? function) =>
        Loaded.Value.PluginByName.TryGetValue(name, out function);

    private sealed record Catalog(
        ImmutableArray<FunctionSymbol> Scalars,
        ImmutableArray<FunctionSymbol> Aggregates,
        ImmutableArray<FunctionSymbol> Plugins,
        ImmutableArray<FunctionSymbol> Windows,
        FrozenDictionary<string, FunctionSymbol> ScalarByName,
        FrozenDictionary<string, FunctionSymbol> AggregateByName,
        FrozenDictionary<string, FunctionSymbol> PluginByName);

    private static Catalog Build()
    {
        var scalars = ImmutableArray.CreateBuilder<FunctionSymbol>();
        void AddScalars(string category, string[] specs)
        {
            foreach (var spec in specs)
            {
                scalars.Add(FunctionSpecParser.Parse(spec, FunctionKind.Scalar, category));
            }
        }

        AddScalars("cluster / database / table / etc", ClusterSpecs);
        AddScalars("string functions", StringSpecs);
        AddScalars("type conversion functions", ConversionSpecs);
        AddScalars("encoding/decoding functions", EncodingSpecs);
        AddScalars("parsing functions", ParsingSpecs);
        AddScalars("date and time functions", DateTimeSpecs);
        AddScalars("hash functions", HashSpecs);
        AddScalars("iif / case", ConditionalSpecs);
        AddScalars("bin / floor", BinSpecs);
        AddScalars("bool functions", BoolSpecs);
        AddScalars("bitwise functions", BitwiseSpecs);
        AddScalars("dynamic array/object functions", DynamicSpecs);
        AddScalars("digest / series functions", SeriesSpecs);
        AddScalars("math functions", MathSpecs);
        AddScalars("geospatial functions", GeoSpecs);
        AddScalars("graph functions", GraphSpecs);
        AddScalars("ip-matching functions", IpSpecs);
        AddScalars("formatting functions", FormattingSpecs);
        AddScalars("convert functions", ConvertSpecs);
        AddScalars("other", OtherSpecs);

        var aggregates = ImmutableArray.CreateBuilder<FunctionSymbol>();
        foreach (var spec in AggregateSpecs)
        {
            aggregates.Add(FunctionSpecParser.Parse(spec, FunctionKind.Aggregate, "aggregate"));
        }

        var plugins = ImmutableArray.CreateBuilder<FunctionSymbol>();
        foreach (var spec in PluginSpecs)
        {
            plugins.Add(FunctionSpecParser.Parse(spec, FunctionKind.Plugin, "plugin"));
        }

        var allScalars = scalars.ToImmutable();
        var windows = ImmutableArray.CreateBuilder<FunctionSymbol>();
        foreach (var f in allScalars)
        {
            if (f.Kind == FunctionKind.Window)
            {
                windows.Add(f);
            }
        }

        var allAggregates = aggregates.ToImmutable();
        var allPlugins = plugins.ToImmutable();
        return new Catalog(
            allScalars,
            allAggregates,
            allPlugins,
            windows.ToImmutable(),
            allScalars.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal),
            allAggregates.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal),
            allPlugins.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal));
    }
}
