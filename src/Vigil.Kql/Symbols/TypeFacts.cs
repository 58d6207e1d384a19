using System.Diagnostics.CodeAnalysis;

namespace Vigil.Kql.Symbols;

/// <summary>
/// What KQL's scalar types are called and which combinations Kusto accepts: type names and aliases, numeric
/// promotion (int -> long -> real -> decimal), the result type of arithmetic, and which pairs can be compared.
/// <see cref="ScalarType.Unknown"/> is accepted everywhere (error recovery) and yields Unknown.
/// </summary>
public static class TypeFacts
{
    private static readonly Dictionary<string, ScalarType> Names = new(StringComparer.Ordinal)
    {
        ["bool"] = ScalarType.Bool,
        ["boolean"] = ScalarType.Bool,
        ["int"] = ScalarType.Int,
        ["int32"] = ScalarType.Int,
        ["uint"] = ScalarType.Int,
        ["uint32"] = ScalarType.Int,
        ["int8"] = ScalarType.Int,
        ["uint8"] = ScalarType.Int,
        ["int16"] = ScalarType.Int,
        ["uint16"] = ScalarType.Int,
        ["long"] = ScalarType.Long,
        ["int64"] = ScalarType.Long,
        ["ulong"] = ScalarType.Long,
        ["uint64"] = ScalarType.Long,
        ["real"] = ScalarType.Real,
        ["double"] = ScalarType.Real,
        ["float"] = ScalarType.Real,
        ["decimal"] = ScalarType.Decimal,
        ["datetime"] = ScalarType.DateTime,
        ["date"] = ScalarType.DateTime,
        ["timespan"] = ScalarType.TimeSpan,
        ["time"] = ScalarType.TimeSpan,
        ["string"] = ScalarType.String,
        ["dynamic"] = ScalarType.Dynamic,
        ["guid"] = ScalarType.Guid,
        ["uuid"] = ScalarType.Guid,
        ["uniqueid"] = ScalarType.Guid,
    };

    /// <summary>Every spelling Kusto accepts for a scalar type, canonical names and aliases.</summary>
    public static IReadOnlyCollection<string> AllTypeNames => Names.Keys;

    /// <summary>
    /// Parses a type name as written in a schema or a cast (<c>long</c>, <c>int64</c>, <c>date</c>...).
    /// Type names are case-sensitive in KQL.
    /// </summary>
    public static bool TryParse(string name, out ScalarType type) => Names.TryGetValue(name, out type);

    /// <summary>Same as <see cref="TryParse(string, out ScalarType)"/> for a span of query text.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out ScalarType type) =>
        Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out type);

    /// <summary>The canonical KQL name: <c>bool</c>, <c>long</c>, <c>datetime</c>, ... (<c>unknown</c> for Unknown).</summary>
    public static string GetName(ScalarType type) => type switch
    {
        ScalarType.Bool => "bool",
        ScalarType.Int => "int",
        ScalarType.Long => "long",
        ScalarType.Real => "real",
        ScalarType.Decimal => "decimal",
        ScalarType.DateTime => "datetime",
        ScalarType.TimeSpan => "timespan",
        ScalarType.String => "string",
        ScalarType.Dynamic => "dynamic",
        ScalarType.Guid => "guid",
        _ => "unknown",
    };

    /// <summary>int, long, real or decimal.</summary>
    public static bool IsNumeric(ScalarType type) =>
        type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal;

    /// <summary>int or long.</summary>
    public static bool IsInteger(ScalarType type) => type is ScalarType.Int or ScalarType.Long;

    /// <summary>Types <c>sum</c>, <c>stdev</c> and unary minus accept: numbers, timespan and datetime.</summary>
    public static bool IsSummable(ScalarType type) =>
        IsNumeric(type) || type is ScalarType.TimeSpan or ScalarType.DateTime;

    /// <summary>Types that have an order (min, max, sort, arg_max): everything except dynamic.</summary>
    public static bool IsOrderable(ScalarType type) => type != ScalarType.Dynamic;

    /// <summary>Position in the numeric promotion chain int -> long -> real -> decimal; -1 when not numeric.</summary>
    private static int NumericRank(ScalarType type) => type switch
    {
        ScalarType.Int => 0,
        ScalarType.Long => 1,
        ScalarType.Real => 2,
        ScalarType.Decimal => 3,
        _ => -1,
    };

    /// <summary>True when a value of <paramref name="from"/> can be used where <paramref name="to"/> is wanted
    /// without a cast: the same type, or a numeric widening (int -> long -> real -> decimal).</summary>
    public static bool IsPromotable(ScalarType from, ScalarType to)
    {
        if (from == to || from == ScalarType.Unknown || to == ScalarType.Unknown)
        {
            return true;
        }

        var f = NumericRank(from);
        var t = NumericRank(to);
        return f >= 0 && t >= 0 && f <= t;
    }

    /// <summary>The wider of two numeric types (int+long -> long, long+real -> real); Unknown when either is not numeric.</summary>
    public static ScalarType Widest(ScalarType a, ScalarType b)
    {
        var ra = NumericRank(a);
        var rb = NumericRank(b);
        return ra < 0 || rb < 0 ? ScalarType.Unknown : (ra >= rb ? a : b);
    }

    /// <summary>
    /// The common type of a set of values that must agree, as <c>iff</c>, <c>case</c>, <c>coalesce</c> and
    /// <c>max_of</c> need: equal types, or numeric types promoted to the widest. Unknown operands are ignored;
    /// false when two known types disagree.
    /// </summary>
    public static bool TryGetCommonType(ReadOnlySpan<ScalarType> types, out ScalarType common)
    {
        common = ScalarType.Unknown;
        foreach (var t in types)
        {
            if (t == ScalarType.Unknown)
            {
                continue;
            }

            if (common == ScalarType.Unknown || common == t)
            {
                common = t;
            }
            else if (IsNumeric(common) && IsNumeric(t))
            {
                common = Widest(common, t);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The result type of <c>left op right</c> for an arithmetic operator, following Kusto: numbers widen;
    /// datetime - datetime = timespan; datetime +/- timespan = datetime; timespan * / number = timespan;
    /// timespan / timespan = real; a dynamic operand is accepted (dynamic op int = long, dynamic op T = T).
    /// </summary>
    public static bool TryGetArithmeticResult(
        ArithmeticOperator op, ScalarType left, ScalarType right, [NotNullWhen(true)] out ScalarType? result)
    {
        result = ArithmeticResult(op, left, right);
        return result is not null;
    }

    private static ScalarType? ArithmeticResult(ArithmeticOperator op, ScalarType left, ScalarType right)
    {
        if (left == ScalarType.Unknown || right == ScalarType.Unknown)
        {
            return ScalarType.Unknown;
        }

        if (IsNumeric(left) && IsNumeric(right))
        {
            return Widest(left, right);
        }

        if (left == ScalarType.Dynamic || right == ScalarType.Dynamic)
        {
            return DynamicArithmetic(op, left, right);
        }

        return (op, left, right) switch
        {
            (ArithmeticOperator.Add, ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.TimeSpan,
            (ArithmeticOperator.Add, ScalarType.DateTime, ScalarType.TimeSpan) => ScalarType.DateTime,
            (ArithmeticOperator.Add, ScalarType.TimeSpan, ScalarType.DateTime) => ScalarType.DateTime,
            (ArithmeticOperator.Add, ScalarType.DateTime, ScalarType.DateTime) => ScalarType.DateTime,
            (ArithmeticOperator.Subtract, ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.TimeSpan,
            (ArithmeticOperator.Subtract, ScalarType.DateTime, ScalarType.DateTime) => ScalarType.TimeSpan,
            (ArithmeticOperator.Subtract, ScalarType.DateTime, ScalarType.TimeSpan) => ScalarType.DateTime,
            (ArithmeticOperator.Subtract, ScalarType.TimeSpan, ScalarType.DateTime) => ScalarType.DateTime,
            (ArithmeticOperator.Multiply, ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.TimeSpan,
            (ArithmeticOperator.Multiply, ScalarType.TimeSpan, _) when IsNumeric(right) => ScalarType.TimeSpan,
            (ArithmeticOperator.Multiply, _, ScalarType.TimeSpan) when IsNumeric(left) => ScalarType.TimeSpan,
            (ArithmeticOperator.Multiply, ScalarType.DateTime, _) when IsNumeric(right) => ScalarType.DateTime,
            (ArithmeticOperator.Multiply, _, ScalarType.DateTime) when IsNumeric(left) => ScalarType.DateTime,
            (ArithmeticOperator.Divide, ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.Real,
            (ArithmeticOperator.Divide, ScalarType.TimeSpan, _) when IsNumeric(right) => ScalarType.TimeSpan,
            (ArithmeticOperator.Divide, ScalarType.DateTime, ScalarType.DateTime) => ScalarType.Real,
            (ArithmeticOperator.Divide, ScalarType.DateTime, ScalarType.TimeSpan) => ScalarType.Real,
            (ArithmeticOperator.Divide, ScalarType.DateTime, _) when IsNumeric(right) => ScalarType.DateTime,
            (ArithmeticOperator.Modulo, ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.TimeSpan,
            (ArithmeticOperator.Modulo, ScalarType.TimeSpan, _) when IsNumeric(right) => ScalarType.TimeSpan,
            (ArithmeticOperator.Modulo, ScalarType.DateTime, ScalarType.DateTime) => ScalarType.TimeSpan,
            (ArithmeticOperator.Modulo, ScalarType.DateTime, ScalarType.TimeSpan) => ScalarType.TimeSpan,
            (ArithmeticOperator.Modulo, ScalarType.DateTime, _) when IsNumeric(right) => ScalarType.DateTime,
            _ => null,
        };
    }

    private static ScalarType? DynamicArithmetic(ArithmeticOperator op, ScalarType left, ScalarType right)
    {
        if (left == right)
        {
            return ScalarType.Dynamic;
        }

        var other = left == ScalarType.Dynamic ? right : left;
        if (other == ScalarType.Int)
        {
            return ScalarType.Long;
        }

        // + and - take numbers, timespans and datetimes beside a dynamic; * / % only numbers.
        var accepted = op is ArithmeticOperator.Add or ArithmeticOperator.Subtract
            ? IsSummable(other)
            : IsNumeric(other);
        return accepted ? other : null;
    }

    /// <summary>
    /// Whether <c>&lt; &lt;= &gt; &gt;=</c> accept the pair: numbers with numbers, datetime with datetime,
    /// timespan with timespan, and a dynamic beside a number or a dynamic. Kusto also orders strings.
    /// </summary>
    public static bool CanCompareOrder(ScalarType left, ScalarType right)
    {
        if (left == ScalarType.Unknown || right == ScalarType.Unknown)
        {
            return true;
        }

        if (IsNumeric(left) && IsNumeric(right))
        {
            return true;
        }

        if (left == ScalarType.Dynamic || right == ScalarType.Dynamic)
        {
            var other = left == ScalarType.Dynamic ? right : left;
            return other == ScalarType.Dynamic || IsNumeric(other) || other is ScalarType.DateTime or ScalarType.TimeSpan;
        }

        return left == right && left is ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.String;
    }

    /// <summary>
    /// Whether <c>==</c>, <c>!=</c>, <c>in</c> accept the pair. Kusto compares equal types, numbers with numbers
    /// (and bool with numbers), anything with dynamic, guid with string; it rejects e.g. string == long
    /// ("Cannot compare values of types string and long").
    /// </summary>
    public static bool CanCompareEquality(ScalarType left, ScalarType right)
    {
        if (left == right || left == ScalarType.Unknown || right == ScalarType.Unknown)
        {
            return true;
        }

        if (left == ScalarType.Dynamic || right == ScalarType.Dynamic)
        {
            return true;
        }

        var leftNumberish = IsNumeric(left) || left == ScalarType.Bool;
        var rightNumberish = IsNumeric(right) || right == ScalarType.Bool;
        if (leftNumberish && rightNumberish)
        {
            return true;
        }

        return (left, right) is (ScalarType.Guid, ScalarType.String) or (ScalarType.String, ScalarType.Guid);
    }
}

/// <summary>The arithmetic operators whose result type <see cref="TypeFacts"/> computes.</summary>
public enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
