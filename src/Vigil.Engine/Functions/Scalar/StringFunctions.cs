using System.Text;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>strlen</c>: the number of Unicode code points (a surrogate pair counts once).</summary>
internal sealed class StrlenFunction() : ScalarFunction("strlen")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        for (var i = 0; i < rowCount; i++)
        {
            var text = input.GetString(i);
            var length = 0;
            foreach (var _ in text.EnumerateRunes())
            {
                length++;
            }

            result.Int64[i] = length;
        }
    }
}

/// <summary><c>tolower</c> / <c>toupper</c> (invariant culture).</summary>
internal sealed class LetterCaseFunction(bool upper) : ScalarFunction(upper ? "toupper" : "tolower")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        for (var i = 0; i < rowCount; i++)
        {
            var text = input.GetString(i);
            result.Strings[i] = upper ? text.ToUpperInvariant() : text.ToLowerInvariant();
        }
    }
}

/// <summary><c>strcat(a, b, ...)</c>: every argument in its text form.</summary>
internal sealed class StrcatFunction() : ScalarFunction("strcat")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < rowCount; i++)
        {
            builder.Clear();
            foreach (var argument in arguments)
            {
                builder.Append(ConvertFunction.ToText(argument, i));
            }

            result.Strings[i] = builder.ToString();
        }
    }
}
