namespace Vigil.Engine.Execution;

/// <summary>What a running query shares with its operators and functions: the fixed "now" and cancellation.</summary>
internal sealed class QueryContext(long nowTicks, CancellationToken cancellation)
{
    /// <summary><c>now()</c> and <c>ago()</c> use this one instant for the whole query, as Kusto does.</summary>
    public long NowTicks { get; } = nowTicks;

    public CancellationToken Cancellation { get; } = cancellation;
}
