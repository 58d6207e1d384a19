using System.Text.RegularExpressions;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>s matches regex p</c>. Kusto uses RE2 syntax; .NET's engine accepts the RE2 constructs hunting queries use
/// (with a match timeout, since .NET regexes can backtrack). A constant pattern is compiled once.
/// </summary>
internal sealed class RegexMatchFunction() : OperatorFunction("matches regex")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private Regex? _cached;
    private string? _cachedPattern;

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var pattern = arguments[1].GetString(i);
            if (!ReferenceEquals(pattern, _cachedPattern) && pattern != _cachedPattern)
            {
                try
                {
                    _cached = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
                }
                catch (ArgumentException e)
                {
                    throw new QueryException(QueryErrorKind.Semantic, $"Invalid regular expression '{pattern}': {e.Message}");
                }

                _cachedPattern = pattern;
            }

            result.Bool[i] = _cached!.IsMatch(arguments[0].GetString(i));
        }
    }
}
