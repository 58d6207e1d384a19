using System.Text.RegularExpressions;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Storage;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>text matches regex pattern</c> as a typed loop (hot in hunting queries); any pattern, constant or per row.
/// Over a dictionary-encoded column with a constant pattern, each distinct value is matched once and remembered
/// across batches (the dictionary is immutable; the memo fills lazily, so a large dictionary costs only the codes seen).
/// </summary>
internal sealed class RegexMatchesFunction() : OperatorFunction("matches regex")
{
    /// <summary>Per code of <see cref="Dictionary"/>: 0 not yet matched, 1 matches, 2 does not.</summary>
    private sealed record Memo(StringDictionary Dictionary, Regex Regex, byte[] Results);

    private Memo? _memo;

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        try
        {
            if (arguments[0].IsDictionaryEncoded && arguments[1].IsConstant)
            {
                EvaluateDictionary(arguments[0], RegexCache.Get(arguments[1].GetString(0)), result, rowCount);
                return;
            }

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

                result.Bool[i] = regex.IsMatch(arguments[0].GetString(i));
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            throw RegexCache.TimedOut(Name, e);
        }
    }

    private void EvaluateDictionary(ColumnVector text, Regex regex, ColumnVector result, int rowCount)
    {
        var dictionary = text.Dictionary!;
        var memo = _memo;
        if (memo is null || !ReferenceEquals(memo.Dictionary, dictionary) || !ReferenceEquals(memo.Regex, regex))
        {
            memo = new Memo(dictionary, regex, new byte[dictionary.Count]);
            _memo = memo;
        }

        var results = memo.Results;
        var codes = text.Codes;
        var empty = regex.IsMatch(string.Empty);
        for (var i = 0; i < rowCount; i++)
        {
            if (text.IsNull(i))
            {
                result.Bool[i] = empty;
                continue;
            }

            var code = codes[i];
            if ((uint)code >= (uint)results.Length)
            {
                result.Bool[i] = regex.IsMatch(dictionary[code]);
                continue;
            }

            if (results[code] == 0)
            {
                results[code] = regex.IsMatch(dictionary[code]) ? (byte)1 : (byte)2;
            }

            result.Bool[i] = results[code] == 1;
        }
    }
}
