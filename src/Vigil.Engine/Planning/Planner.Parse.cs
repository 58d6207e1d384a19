using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Engine.Execution.Extraction;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private static readonly TimeSpan ParseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// parse / parse-where: the pattern becomes one regex, anchored at the start. <c>*</c> skips (<c>.*?</c>); a
    /// literal is matched as is (kind=regex: as a regex); a column captures lazily (<c>.*?</c>, or the rest of the
    /// text when it ends the pattern; kind=regex: greedily, as the reference's examples show), and int/long/real
    /// columns capture numbers (kind=relaxed: a number or else anything, converted where possible).
    /// </summary>
    private LogicalParse PlanParse(
        IReadOnlyList<NamedParameter> parameters, Expression source, IReadOnlyList<SyntaxNode> pattern, bool keepOnlyMatches,
        LogicalOperator input, TableSchema output)
    {
        var kind = "simple";
        var flags = string.Empty;
        foreach (var parameter in parameters)
        {
            var value = parameter.Value is NameReference n ? n.SimpleName : ConstantText(parameter.Value);
            switch (parameter.Name.Text)
            {
                case "kind": kind = value; break;
                case "flags": flags = value; break;
                default: throw QueryException.NotSupported($"The parse parameter '{parameter.Name.Text}'");
            }
        }

        if (kind is not ("simple" or "regex" or "relaxed"))
        {
            throw new QueryException(QueryErrorKind.Semantic, $"parse kind={kind} is not one of simple, regex, relaxed.");
        }

        var options = RegexOptions.CultureInvariant;
        var ungreedy = false;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 's': options |= RegexOptions.Singleline; break;
                case 'U': ungreedy = true; break;
                default: throw new QueryException(QueryErrorKind.Semantic, $"The regex flag '{flag}' is not one of i, m, s, U.");
            }
        }

        var regex = new StringBuilder(@"\A");
        var captures = new List<int>();
        for (var i = 0; i < pattern.Count; i++)
        {
            var element = pattern[i];
            var isLast = i == pattern.Count - 1;
            switch (element)
            {
                case StarExpression:
                    regex.Append(".*?");
                    break;
                case NameAndTypeDeclaration or NameReference:
                {
                    var name = element is NameAndTypeDeclaration declaration
                        ? declaration.Name.SimpleName
                        : ((NameReference)element).SimpleName;
                    var ordinal = output.IndexOf(name);
                    if (ordinal < 0)
                    {
                        throw new QueryException(QueryErrorKind.Semantic, $"The parsed column '{name}' is missing from the result.");
                    }

                    var group = "c" + captures.Count.ToString(CultureInfo.InvariantCulture);
                    captures.Add(ordinal);
                    var capture = CapturePattern(output.Columns[ordinal].Type, kind, isLast);
                    regex.Append("(?<").Append(group).Append('>').Append(capture).Append(')');
                    break;
                }

                case Expression literal:
                {
                    var text = ConstantText(literal);
                    regex.Append(kind == "regex" ? "(?:" + text + ")" : Regex.Escape(text));
                    break;
                }

                default:
                    throw QueryException.NotSupported($"The parse pattern element '{Snippet(element)}'");
            }
        }

        var regexText = ungreedy ? RegexGreediness.Swap(regex.ToString()) : regex.ToString();
        Regex compiled;
        try
        {
            compiled = new Regex(regexText, options, ParseTimeout);
        }
        catch (ArgumentException e)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"The parse pattern is not a valid regular expression: {e.Message}");
        }

        var sourceExpr = Functions.FunctionRegistry.Convert(PlanScalar(source, input.Schema), ScalarType.String);
        return new LogicalParse(
            input, sourceExpr, new PatternExtractor(compiled, captures.Count), [.. captures], kind == "relaxed", keepOnlyMatches, output);
    }

    private static string CapturePattern(ScalarType type, string kind, bool isLast)
    {
        var any = kind == "regex" ? ".*" : isLast ? ".*" : ".*?";
        var number = type switch
        {
            ScalarType.Int or ScalarType.Long => @"-?\d+",
            ScalarType.Real => @"-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?",
            _ => null,
        };

        // Relaxed: a number where there is one, else whatever lies up to the next delimiter (to be converted, or null).
        return number is null ? any : kind == "relaxed" ? $"(?:{number}|{any})" : number;
    }

    /// <summary>The text of a constant string (a literal or a let-bound string).</summary>
    private string ConstantText(Expression expression)
    {
        var value = PlanScalar(expression, TableSchema.Empty);
        if (Optimizer.ConstantFolding.TryFold(value, _nowTicks) is { } constant)
        {
            return constant.Type == ScalarType.String ? constant.String
                : constant.IsNull ? string.Empty
                : constant.ToString() ?? string.Empty;
        }

        throw new QueryException(QueryErrorKind.Semantic, $"'{Snippet(expression)}' must be a constant.");
    }
}
