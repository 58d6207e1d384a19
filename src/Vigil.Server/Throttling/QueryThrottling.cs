using Microsoft.AspNetCore.Builder;

namespace Vigil.Server.Throttling;

/// <summary>Declares an endpoint a query endpoint: its calls count against the caller's query rate and concurrency (<see cref="QueryThrottle"/>).</summary>
internal static class QueryThrottling
{
    public static TBuilder RequireQueryThrottling<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(QueryThrottleMetadata.Instance);
    }
}

/// <summary>The endpoint metadata <see cref="QueryThrottle"/> looks for.</summary>
internal sealed class QueryThrottleMetadata
{
    public static readonly QueryThrottleMetadata Instance = new();

    private QueryThrottleMetadata()
    {
    }
}
