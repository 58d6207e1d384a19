using Vigil.Engine;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Simulator.Tests;

/// <summary>
/// A small generated workspace (10 devices, 2 days, fixed end and seed), written through the ingestion API with
/// unknown properties rejected, so a row that does not fit its table's schema shows up as a rejection. The
/// workspace's clock stands at the end of the data, so retention never drops it whatever the date of the run.
/// </summary>
public sealed class GeneratedWorkspace : IDisposable
{
    public static readonly SimulationOptions Options = new()
    {
        Seed = 7,
        Days = 2,
        Devices = 10,
        End = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc),
    };

    private readonly TempDirectory _dir = new("vigil-simulator-");

    public GeneratedWorkspace()
    {
        Workspace = SchemaMapping.OpenWorkspace(Path.Combine(_dir.Path, "ws"), new WorkspaceOptions
        {
            BackgroundMaintenance = false,
            DefaultUnknownPropertyPolicy = UnknownPropertyPolicy.RejectRow,
            TimeProvider = new FixedClock(Options.End),
        });
        Sink = new WorkspaceEventSink(Workspace);
        Generated = DefenderSimulator.Run(Options, Sink);
        Engine = new QueryEngine(Workspace);
    }

    public Workspace Workspace { get; }

    public WorkspaceEventSink Sink { get; }

    public IReadOnlyDictionary<string, long> Generated { get; }

    public QueryEngine Engine { get; }

    public QueryOptions QueryOptions => new() { Now = Options.End, VerifyPlans = true };

    /// <summary>Runs a query expected to return one long (e.g. <c>... | count</c>).</summary>
    public long Scalar(string query)
    {
        var result = Engine.Execute(query, QueryOptions);
        Assert.Equal(1, result.RowCount);
        return Convert.ToInt64(result.GetRow(0)[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Workspace.Dispose();
        _dir.Dispose();
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}

[CollectionDefinition(nameof(GeneratedWorkspace))]
public sealed class GeneratedWorkspaceCollection : ICollectionFixture<GeneratedWorkspace>;
