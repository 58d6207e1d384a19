using System.Globalization;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// The name Kusto gives the column of an unnamed projected expression, or null when it gives none (the caller
    /// then uses Column1, print_0...): a column keeps its name, <c>x.y</c> and <c>x['y']</c> become <c>x_y</c>, and
    /// calls follow their function's <see cref="ResultNaming"/> (<c>bin(Timestamp, 1h)</c> -> Timestamp,
    /// <c>dcount(A)</c> -> dcount_A, <c>count()</c> -> count_). Call after the expression is bound.
    /// </summary>
    private string? ResultName(Expression expression, Context context)
    {
        switch (expression)
        {
            case ParenthesizedExpression p:
                return ResultName(p.Expression, context);
            case NameReference n:
                return n.SimpleName;
            case SimpleNamedExpression s:
                return s.Name.SimpleName;
            case OrderedExpression o:
                return ResultName(o.Expression, context);
            case PathExpression path:
            {
                var right = path.Selector is NameReference selector ? selector.SimpleName : null;
                if (path.Expression is NameReference { SimpleName: "$left" or "$right" })
                {
                    return right;
                }

                var left = ResultName(path.Expression, context);
                return string.IsNullOrWhiteSpace(left) ? right : $"{left}_{right}";
            }

            case ElementAccessExpression element:
            {
                var right = element.Index switch
                {
                    LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } s => SyntaxFacts.GetStringValue(s.Token.Text),
                    CompoundStringLiteralExpression c => c.GetValue(),
                    LiteralExpression { LiteralKind: SyntaxKind.LongLiteral or SyntaxKind.IntLiteral } l => l.Token.Text,
                    _ => null,
                };
                if (right is null)
                {
                    return null;
                }

                var left = ResultName(element.Expression, context);
                return string.IsNullOrWhiteSpace(left) ? right : $"{left}_{right}";
            }

            case FunctionCallExpression call:
                return CallResultName(call, context);
            default:
                return null;
        }
    }

    private string? CallResultName(FunctionCallExpression call, Context context)
    {
        var function = _info.TryGetValue(call, out var info) ? info.ReferencedFunction : null;
        if (function is null)
        {
            return null;
        }

        var arguments = call.Arguments;
        switch (function.ResultNaming)
        {
            case ResultNaming.PrefixAndFirstArgument:
            {
                var argumentName = arguments.Count > 0 ? ResultName(arguments[0], context) ?? string.Empty : string.Empty;
                return function.ResultNamePrefix is null ? argumentName : function.ResultNamePrefix + "_" + argumentName;
            }

            case ResultNaming.PrefixAndFirstTwoArguments:
            {
                var first = arguments.Count > 0 ? ResultName(arguments[0], context) ?? string.Empty : string.Empty;
                var second = arguments.Count > 1 ? ResultName(arguments[1], context) ?? string.Empty : string.Empty;
                return function.ResultNamePrefix + "_" + first + "_" + second;
            }

            case ResultNaming.FirstArgument:
                return arguments.Count > 0 ? ResultName(arguments[0], context) : null;
            case ResultNaming.OnlyArgument:
                return arguments.Count == 1 ? ResultName(arguments[0], context) : null;
            case ResultNaming.Fixed:
                return function.ResultNamePrefix;
            case ResultNaming.FirstArgumentValueIfColumn:
                return arguments.Count > 0 && GetStringLiteral(arguments[0]) is { } name && context.Row is { } row && row.Contains(name)
                    ? name
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Gives out <c>Column1</c>, <c>Column2</c>... (or <c>print_0</c>...) for unnamed expressions of one operator.</summary>
    private sealed class ColumnNamer(string prefix, int first)
    {
        private int _next = first;

        public string Next() => prefix + (_next++).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="name"/> matches a wildcard pattern such as <c>Device*</c> or <c>*Id*</c>.</summary>
    internal static bool MatchesWildcard(string name, string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(name, pattern, StringComparison.Ordinal);
        }

        var parts = pattern.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            if (i == 0)
            {
                if (!name.StartsWith(part, StringComparison.Ordinal))
                {
                    return false;
                }

                position = part.Length;
                continue;
            }

            if (i == parts.Length - 1)
            {
                return name.Length - part.Length >= position && name.EndsWith(part, StringComparison.Ordinal);
            }

            var found = name.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }
}
