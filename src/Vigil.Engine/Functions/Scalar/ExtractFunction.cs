using System.Text.RegularExpressions;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>extract(regex, captureGroup, text)</c>: the group's text of the first match, empty when nothing matches (the
/// optional typeof() argument is not supported yet). A constant pattern is compiled once.
/// </summary>
internal sealed class ExtractFunction() : ScalarFunction("extract")
{
    private Regex? _regex;
    private string? _pattern;

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var pattern = arguments[0].GetString(i);
            if (pattern != _pattern)
            {
                try
                {
                    _regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
                }
                catch (ArgumentException e)
                {
                    throw new QueryException(QueryErrorKind.Semantic, $"Invalid regular expression '{pattern}': {e.Message}");
                }

                _pattern = pattern;
            }

            var group = arguments[1].IsNull(i) ? -1 : arguments[1].Int64[i];
            var match = _regex!.Match(arguments[2].GetString(i));
            result.Strings[i] = match.Success && group >= 0 && group < match.Groups.Count ? match.Groups[(int)group].Value : string.Empty;
        }
    }
}
