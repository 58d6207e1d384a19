using System.Text.RegularExpressions;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>text matches regex pattern</c> as a typed loop (hot in hunting queries); any pattern, constant or per row.</summary>
internal sealed class RegexMatchesFunction() : OperatorFunction("matches regex")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        Regex? regex = null;
        string? pattern = null;
        for (var i = 0; i < rowCount; i++)
        {
            var rowPattern = arguments[1].GetString(i);
            if (regex is null || !string.Equals(rowPattern, pattern, StringComparison.Ordinal))
            {
                regex = RegexCache.Get(rowPattern);
                pattern = rowPattern;
            }

            try
            {
                result.Bool[i] = regex.IsMatch(arguments[0].GetString(i));
            }
            catch (RegexMatchTimeoutException e)
            {
                throw RegexCache.TimedOut(Name, e);
            }
        }
    }
}
