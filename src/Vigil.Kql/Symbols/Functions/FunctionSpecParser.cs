using System.Collections.Immutable;
using System.Globalization;

namespace Vigil.Kql.Symbols;

/// <summary>
/// Reads the one-line signature notation used by <see cref="BuiltInFunctions"/>:
/// <c>name(param:type, optional:type?, repeated:type*, atLeastOne:type+, bounded:type{2..64}) -> result; flags</c>.
/// Runs once at start-up over static data; a malformed line is a programming error and throws.
/// </summary>
internal static class FunctionSpecParser
{
    private const int Unbounded = int.MaxValue;

    public static FunctionSymbol Parse(string spec, FunctionKind kind, string category)
    {
        var open = spec.IndexOf('(', StringComparison.Ordinal);
        var close = spec.IndexOf(')', StringComparison.Ordinal);
        var arrow = spec.IndexOf("->", close, StringComparison.Ordinal);
        if (open <= 0 || close < open || arrow < 0)
        {
            throw new FormatException($"Malformed function spec: '{spec}'.");
        }

        var name = spec[..open].Trim();
        var parameters = ParseParameters(spec[(open + 1)..close], spec);
        var tail = spec[(arrow + 2)..].Split(';', StringSplitOptions.TrimEntries);
        var (rule, returnType, returnArgument) = ParseReturn(tail[0], spec);

        var naming = kind == FunctionKind.Aggregate ? ResultNaming.PrefixAndFirstArgument : ResultNaming.None;
        var prefix = kind == FunctionKind.Aggregate ? name : null;
        string? obsolete = null;
        var hidden = false;
        var tuple = ImmutableArray<ColumnSymbol>.Empty;
        for (var i = 1; i < tail.Length; i++)
        {
            var flag = tail[i];
            if (flag == "hidden")
            {
                hidden = true;
            }
            else if (flag == "window")
            {
                kind = FunctionKind.Window;
            }
            else if (flag.StartsWith("obsolete=", StringComparison.Ordinal))
            {
                obsolete = flag["obsolete=".Length..];
            }
            else if (flag.StartsWith("tuple=", StringComparison.Ordinal))
            {
                tuple = ParseTuple(flag["tuple=".Length..], spec);
            }
            else if (flag.StartsWith("name=", StringComparison.Ordinal))
            {
                (naming, prefix) = ParseNaming(flag["name=".Length..], spec);
            }
            else
            {
                throw new FormatException($"Unknown flag '{flag}' in function spec '{spec}'.");
            }
        }

        return new FunctionSymbol(name, kind, category, parameters, rule, returnType, returnArgument, naming, prefix,
            obsolete, hidden, tuple);
    }

    private static ImmutableArray<ParameterSymbol> ParseParameters(string text, string spec)
    {
        var result = ImmutableArray.CreateBuilder<ParameterSymbol>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result.ToImmutable();
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Malformed parameter '{part}' in function spec '{spec}'.");
            }

            var name = part[..colon];
            var typeText = part[(colon + 1)..];
            int min = 1, max = 1;
            if (typeText.EndsWith('?'))
            {
                (min, max, typeText) = (0, 1, typeText[..^1]);
            }
            else if (typeText.EndsWith('*'))
            {
                (min, max, typeText) = (0, Unbounded, typeText[..^1]);
            }
            else if (typeText.EndsWith('+'))
            {
                (min, max, typeText) = (1, Unbounded, typeText[..^1]);
            }
            else if (typeText.EndsWith('}'))
            {
                var brace = typeText.IndexOf('{', StringComparison.Ordinal);
                var bounds = typeText[(brace + 1)..^1].Split("..");
                min = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                max = int.Parse(bounds[1], CultureInfo.InvariantCulture);
                typeText = typeText[..brace];
            }

            result.Add(new ParameterSymbol(name, ParseParameterType(typeText, spec), min, max));
        }

        return result.ToImmutable();
    }

    private static ParameterType ParseParameterType(string text, string spec) => text switch
    {
        "scalar" => ParameterType.Scalar,
        "bool" => ParameterType.Bool,
        "int" => ParameterType.Int,
        "long" => ParameterType.Long,
        "real" => ParameterType.Real,
        "decimal" => ParameterType.Decimal,
        "datetime" => ParameterType.DateTime,
        "timespan" => ParameterType.TimeSpan,
        "string" => ParameterType.String,
        "dynamic" => ParameterType.Dynamic,
        "guid" => ParameterType.Guid,
        "number" => ParameterType.Number,
        "integer" => ParameterType.Integer,
        "summable" => ParameterType.Summable,
        "orderable" => ParameterType.Orderable,
        "notdynamic" => ParameterType.NotDynamic,
        "integerordynamic" => ParameterType.IntegerOrDynamic,
        "scalarorstar" => ParameterType.ScalarOrStar,
        "type" => ParameterType.TypeLiteral,
        "tabular" => ParameterType.Tabular,
        "any" => ParameterType.Any,
        _ => throw new FormatException($"Unknown parameter type '{text}' in function spec '{spec}'."),
    };

    private static (ReturnRule Rule, ScalarType Type, int Argument) ParseReturn(string text, string spec)
    {
        switch (text)
        {
            case "$custom":
                return (ReturnRule.Custom, ScalarType.Unknown, -1);
            case "$tabular":
                return (ReturnRule.Tabular, ScalarType.Unknown, -1);
            case "$sum":
                return (ReturnRule.Sum, ScalarType.Unknown, 0);
            case "$avg":
                return (ReturnRule.Average, ScalarType.Unknown, 0);
        }

        if (text.Length == 2 && text[0] == '$' && char.IsAsciiDigit(text[1]))
        {
            return (ReturnRule.Argument, ScalarType.Unknown, text[1] - '0');
        }

        if (TypeFacts.TryParse(text, out var type))
        {
            return (ReturnRule.Fixed, type, -1);
        }

        throw new FormatException($"Unknown result '{text}' in function spec '{spec}'.");
    }

    private static (ResultNaming Naming, string? Prefix) ParseNaming(string text, string spec)
    {
        if (text.StartsWith("prefix:", StringComparison.Ordinal))
        {
            return (ResultNaming.PrefixAndFirstArgument, text["prefix:".Length..]);
        }

        if (text.StartsWith("prefix2:", StringComparison.Ordinal))
        {
            return (ResultNaming.PrefixAndFirstTwoArguments, text["prefix2:".Length..]);
        }

        if (text.StartsWith("fixed:", StringComparison.Ordinal))
        {
            return (ResultNaming.Fixed, text["fixed:".Length..]);
        }

        return text switch
        {
            "first" => (ResultNaming.FirstArgument, null),
            "only" => (ResultNaming.OnlyArgument, null),
            "none" => (ResultNaming.None, null),
            "ifcolumn" => (ResultNaming.FirstArgumentValueIfColumn, null),
            _ => throw new FormatException($"Unknown naming '{text}' in function spec '{spec}'."),
        };
    }

    private static ImmutableArray<ColumnSymbol> ParseTuple(string text, string spec)
    {
        var columns = ImmutableArray.CreateBuilder<ColumnSymbol>();
        foreach (var field in text.Split(','))
        {
            var parts = field.Split(':');
            if (parts.Length != 2 || !TypeFacts.TryParse(parts[1], out var type))
            {
                throw new FormatException($"Malformed tuple field '{field}' in function spec '{spec}'.");
            }

            columns.Add(new ColumnSymbol(parts[0], type));
        }

        return columns.ToImmutable();
    }
}
