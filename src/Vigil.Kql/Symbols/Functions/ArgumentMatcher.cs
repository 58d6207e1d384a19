using System.Collections.Immutable;

namespace Vigil.Kql.Symbols;

/// <summary>What kind of thing an argument of a call is.</summary>
public enum ArgumentShape
{
    /// <summary>A scalar expression (its type is in <see cref="ArgumentInfo.Type"/>).</summary>
    Scalar,

    /// <summary><c>*</c>.</summary>
    Star,

    /// <summary>A tabular expression.</summary>
    Tabular,

    /// <summary>A <c>typeof(T)</c> literal (T in <see cref="ArgumentInfo.Type"/>).</summary>
    TypeLiteral,
}

/// <summary>One argument of a call as the matcher sees it.</summary>
public readonly record struct ArgumentInfo(ArgumentShape Shape, ScalarType Type)
{
    public static ArgumentInfo Of(ScalarType type) => new(ArgumentShape.Scalar, type);
}

/// <summary>The outcome of matching a call's arguments with a function's parameters.</summary>
public enum ArgumentMatchStatus
{
    Matched,
    WrongCount,
    WrongType,
}

/// <summary>
/// Result of <see cref="ArgumentMatcher.Match"/>: the parameter each argument binds to, or what is wrong.
/// </summary>
public sealed record ArgumentMatch(
    ArgumentMatchStatus Status,
    ImmutableArray<ParameterSymbol> ParameterOfArgument,
    int FailedArgument = -1)
{
    public bool IsMatched => Status == ArgumentMatchStatus.Matched;
}

/// <summary>
/// Matches arguments with a <see cref="FunctionSymbol"/>'s parameters with Kusto's leniency: numbers widen
/// (int -> long -> real -> decimal), a dynamic (or unknown) value is accepted for any scalar parameter, and a
/// dynamic parameter takes only dynamic values.
/// </summary>
public static class ArgumentMatcher
{
    public static ArgumentMatch Match(FunctionSymbol function, IReadOnlyList<ArgumentInfo> arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var count = arguments.Count;
        if (count < function.MinArgumentCount || count > function.MaxArgumentCount)
        {
            return new ArgumentMatch(ArgumentMatchStatus.WrongCount, []);
        }

        // Give every parameter its minimum, then hand the extra arguments out left to right.
        var extra = count - function.MinArgumentCount;
        var mapping = ImmutableArray.CreateBuilder<ParameterSymbol>(count);
        foreach (var parameter in function.Parameters)
        {
            var room = parameter.MaxOccurring == int.MaxValue ? extra : Math.Min(extra, parameter.MaxOccurring - parameter.MinOccurring);
            var take = parameter.MinOccurring + room;
            extra -= room;
            for (var i = 0; i < take; i++)
            {
                mapping.Add(parameter);
            }
        }

        var parameters = mapping.MoveToImmutable();
        for (var i = 0; i < count; i++)
        {
            if (!Accepts(parameters[i].Type, arguments[i]))
            {
                return new ArgumentMatch(ArgumentMatchStatus.WrongType, parameters, i);
            }
        }

        return new ArgumentMatch(ArgumentMatchStatus.Matched, parameters);
    }

    /// <summary>Whether a parameter of <paramref name="parameter"/> type accepts the argument.</summary>
    public static bool Accepts(ParameterType parameter, ArgumentInfo argument)
    {
        switch (argument.Shape)
        {
            case ArgumentShape.Star:
                return parameter is ParameterType.ScalarOrStar or ParameterType.Any;
            case ArgumentShape.Tabular:
                return parameter is ParameterType.Tabular or ParameterType.Any;
            case ArgumentShape.TypeLiteral:
                return parameter is ParameterType.TypeLiteral or ParameterType.Any;
        }

        var type = argument.Type;
        if (parameter is ParameterType.Tabular or ParameterType.TypeLiteral)
        {
            return false;
        }

        if (type == ScalarType.Unknown)
        {
            return true;
        }

        if (type == ScalarType.Dynamic)
        {
            return parameter is not (ParameterType.NotDynamic or ParameterType.Orderable);
        }

        return parameter switch
        {
            ParameterType.Scalar or ParameterType.ScalarOrStar or ParameterType.Any or ParameterType.NotDynamic => true,
            ParameterType.Orderable => TypeFacts.IsOrderable(type),
            ParameterType.Bool => type == ScalarType.Bool,
            ParameterType.Int or ParameterType.Long or ParameterType.Integer or ParameterType.IntegerOrDynamic => TypeFacts.IsInteger(type),
            ParameterType.Real or ParameterType.Decimal or ParameterType.Number => TypeFacts.IsNumeric(type),
            ParameterType.DateTime => type == ScalarType.DateTime,
            ParameterType.TimeSpan => type == ScalarType.TimeSpan,
            ParameterType.String => type == ScalarType.String,
            ParameterType.Guid => type == ScalarType.Guid,
            ParameterType.Summable => TypeFacts.IsSummable(type),
            _ => false,
        };
    }

    /// <summary>A short description of what a parameter accepts, for diagnostics ("a number", "string").</summary>
    public static string Describe(ParameterType parameter) => parameter switch
    {
        ParameterType.Scalar or ParameterType.ScalarOrStar => "a scalar value",
        ParameterType.Bool => "bool",
        ParameterType.Int => "int",
        ParameterType.Long => "long",
        ParameterType.Real => "real",
        ParameterType.Decimal => "decimal",
        ParameterType.DateTime => "datetime",
        ParameterType.TimeSpan => "timespan",
        ParameterType.String => "string",
        ParameterType.Dynamic => "dynamic",
        ParameterType.Guid => "guid",
        ParameterType.Number => "a number",
        ParameterType.Integer => "an integer (int or long)",
        ParameterType.Summable => "a number, timespan or datetime",
        ParameterType.Orderable => "a value that can be ordered (not dynamic)",
        ParameterType.NotDynamic => "a non-dynamic scalar value",
        ParameterType.IntegerOrDynamic => "an integer or a dynamic array",
        ParameterType.TypeLiteral => "typeof(type)",
        ParameterType.Tabular => "a tabular expression",
        _ => "any argument",
    };
}
