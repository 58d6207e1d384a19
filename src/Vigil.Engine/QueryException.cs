using System.Collections.Immutable;
using Vigil.Kql.Diagnostics;

namespace Vigil.Engine;

/// <summary>Why a query could not run.</summary>
public enum QueryErrorKind
{
    /// <summary>The text does not parse (see <see cref="QueryException.Diagnostics"/>).</summary>
    Syntax,

    /// <summary>Names or types are wrong (see <see cref="QueryException.Diagnostics"/>).</summary>
    Semantic,

    /// <summary>Valid KQL that this engine does not run yet.</summary>
    NotSupported,

    /// <summary>The query failed while running (a limit, corrupt data, cancellation).</summary>
    Runtime,
}

/// <summary>
/// A query that cannot be answered: a syntax or semantic error (with the diagnostics), an operator or function
/// not supported yet, or a run-time failure. The message is meant for the user.
/// </summary>
public sealed class QueryException : Exception
{
    public QueryException(QueryErrorKind kind, string message, ImmutableArray<Diagnostic> diagnostics = default, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Diagnostics = diagnostics.IsDefault ? [] : diagnostics;
    }

    public QueryException()
        : this(QueryErrorKind.Runtime, "The query failed.")
    {
    }

    public QueryException(string message)
        : this(QueryErrorKind.Runtime, message)
    {
    }

    public QueryException(string message, Exception innerException)
        : this(QueryErrorKind.Runtime, message, default, innerException)
    {
    }

    public QueryErrorKind Kind { get; }

    /// <summary>The syntax or binding errors, for <see cref="QueryErrorKind.Syntax"/> and <see cref="QueryErrorKind.Semantic"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    internal static QueryException NotSupported(string what) => new(QueryErrorKind.NotSupported, $"{what} is not supported yet.");
}
