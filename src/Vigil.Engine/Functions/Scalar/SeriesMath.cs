using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Element-wise series functions: series_add/subtract/multiply/divide/pow, the comparisons, and the unary math
/// (abs, sign, exp, log, trigonometry, floor, ceiling). A series argument is a dynamic array or a number used for
/// every element. The result is as long as the longer array; a missing or non-numeric element gives a null element.
/// Integer elements stay integers where the operation keeps them (add, subtract, multiply, abs, sign); the rest
/// are reals.
/// </summary>
internal static class SeriesMath
{
    public enum Binary
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Pow,
        Greater,
        GreaterEquals,
        Less,
        LessEquals,
        Equals,
        NotEquals,
    }

    public enum Unary
    {
        Abs,
        Sign,
        Exp,
        Log,
        Sin,
        Cos,
        Tan,
        Asin,
        Acos,
        Atan,
        Floor,
        Ceiling,
    }

    public static RowKernel BinaryRule(Binary op) => arguments =>
    {
        var leftArray = DynamicArgs.TryArray(arguments[0], out var left);
        var rightArray = DynamicArgs.TryArray(arguments[1], out var right);
        if (!leftArray && !rightArray)
        {
            return DynamicArgs.NullDynamic;
        }

        var leftScalar = leftArray ? DynamicValue.Null : DynamicArgs.ToDynamic(arguments[0]);
        var rightScalar = rightArray ? DynamicValue.Null : DynamicArgs.ToDynamic(arguments[1]);
        var length = Math.Max(leftArray ? left.Length : 0, rightArray ? right.Length : 0);
        var result = new DynamicValue[length];
        for (var i = 0; i < length; i++)
        {
            var a = leftArray ? (i < left.Length ? left[i] : DynamicValue.Null) : leftScalar;
            var b = rightArray ? (i < right.Length ? right[i] : DynamicValue.Null) : rightScalar;
            result[i] = Apply(op, a, b);
        }

        return DynamicArgs.Array(result);
    };

    public static RowKernel UnaryRule(Unary op) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var items))
        {
            return DynamicArgs.NullDynamic;
        }

        var result = new DynamicValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = Apply(op, items[i]);
        }

        return DynamicArgs.Array(result);
    };

    private static DynamicValue Apply(Binary op, DynamicValue a, DynamicValue b)
    {
        if (!DynamicArgs.TryNumber(a, out var x) || !DynamicArgs.TryNumber(b, out var y))
        {
            return DynamicValue.Null;
        }

        var integers = a.Kind == DynamicKind.Long && b.Kind == DynamicKind.Long;
        switch (op)
        {
            case Binary.Add:
                return integers ? DynamicValue.FromLong(unchecked(a.LongValue + b.LongValue)) : DynamicValue.FromReal(x + y);
            case Binary.Subtract:
                return integers ? DynamicValue.FromLong(unchecked(a.LongValue - b.LongValue)) : DynamicValue.FromReal(x - y);
            case Binary.Multiply:
                return integers ? DynamicValue.FromLong(unchecked(a.LongValue * b.LongValue)) : DynamicValue.FromReal(x * y);
            case Binary.Divide:
                return DynamicValue.FromReal(x / y);
            case Binary.Pow:
                return DynamicValue.FromReal(Math.Pow(x, y));
        }

        var compared = integers ? a.LongValue.CompareTo(b.LongValue) : KqlOrdering.CompareReal(x, y);
        var unordered = !integers && (double.IsNaN(x) || double.IsNaN(y));
        return DynamicValue.FromBool(!unordered && op switch
        {
            Binary.Greater => compared > 0,
            Binary.GreaterEquals => compared >= 0,
            Binary.Less => compared < 0,
            Binary.LessEquals => compared <= 0,
            Binary.Equals => compared == 0,
            _ => compared != 0,
        } || (unordered && op == Binary.NotEquals));
    }

    private static DynamicValue Apply(Unary op, DynamicValue a)
    {
        if (!DynamicArgs.TryNumber(a, out var x))
        {
            return DynamicValue.Null;
        }

        if (a.Kind == DynamicKind.Long)
        {
            switch (op)
            {
                case Unary.Abs:
                    return DynamicValue.FromLong(a.LongValue == long.MinValue ? long.MinValue : Math.Abs(a.LongValue));
                case Unary.Sign:
                    return DynamicValue.FromLong(Math.Sign(a.LongValue));
            }
        }

        return DynamicValue.FromReal(op switch
        {
            Unary.Abs => Math.Abs(x),
            Unary.Sign => double.IsNaN(x) ? double.NaN : Math.Sign(x),
            Unary.Exp => Math.Exp(x),
            Unary.Log => Math.Log(x),
            Unary.Sin => Math.Sin(x),
            Unary.Cos => Math.Cos(x),
            Unary.Tan => Math.Tan(x),
            Unary.Asin => Math.Asin(x),
            Unary.Acos => Math.Acos(x),
            Unary.Atan => Math.Atan(x),
            Unary.Floor => Math.Floor(x),
            _ => Math.Ceiling(x),
        });
    }

    /// <summary>The numeric elements of a series argument as reals (non-numeric elements are NaN), or null when not an array.</summary>
    public static double[]? Reals(in ScalarValue value)
    {
        if (!DynamicArgs.TryArray(value, out var items))
        {
            return null;
        }

        var result = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = DynamicArgs.TryNumber(items[i], out var x) ? x : double.NaN;
        }

        return result;
    }

    /// <summary>series_sum / series_product / series_magnitude: over the numeric elements (others are skipped).</summary>
    public static RowKernel Reduce(string kind) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var items))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var total = kind == "product" ? 1.0 : 0.0;
        foreach (var item in items)
        {
            if (!DynamicArgs.TryNumber(item, out var x))
            {
                continue;
            }

            total = kind switch
            {
                "product" => total * x,
                "magnitude" => total + (x * x),
                _ => total + x,
            };
        }

        return ScalarValue.FromReal(kind == "magnitude" ? Math.Sqrt(total) : total);
    };

    /// <summary>series_dot_product(s1, s2): either side may be a number used for every element.</summary>
    public static ScalarValue DotProduct(ReadOnlySpan<ScalarValue> arguments)
    {
        var left = Reals(arguments[0]);
        var right = Reals(arguments[1]);
        if (left is null && right is null)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        if (left is null)
        {
            if (!DynamicArgs.TryReal(arguments[0], out var scalar))
            {
                return ScalarValue.Null(ScalarType.Real);
            }

            left = Filled(scalar, right!.Length);
        }

        if (right is null)
        {
            if (!DynamicArgs.TryReal(arguments[1], out var scalar))
            {
                return ScalarValue.Null(ScalarType.Real);
            }

            right = Filled(scalar, left.Length);
        }

        var sum = 0.0;
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (!double.IsNaN(left[i]) && !double.IsNaN(right[i]))
            {
                sum += left[i] * right[i];
            }
        }

        return ScalarValue.FromReal(sum);
    }

    /// <summary>series_cosine_similarity(s1, s2 [, magnitude1, magnitude2]).</summary>
    public static ScalarValue CosineSimilarity(ReadOnlySpan<ScalarValue> arguments)
    {
        var left = Reals(arguments[0]);
        var right = Reals(arguments[1]);
        if (left is null || right is null || left.Length != right.Length)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        double dot = 0, leftSquares = 0, rightSquares = 0;
        for (var i = 0; i < left.Length; i++)
        {
            dot += left[i] * right[i];
            leftSquares += left[i] * left[i];
            rightSquares += right[i] * right[i];
        }

        var leftMagnitude = arguments.Length > 2 && DynamicArgs.TryReal(arguments[2], out var m1) ? m1 : Math.Sqrt(leftSquares);
        var rightMagnitude = arguments.Length > 3 && DynamicArgs.TryReal(arguments[3], out var m2) ? m2 : Math.Sqrt(rightSquares);
        return ScalarValue.FromReal(dot / (leftMagnitude * rightMagnitude));
    }

    /// <summary>series_pearson_correlation(s1, s2): the correlation coefficient of two series of equal length.</summary>
    public static ScalarValue Pearson(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = Reals(arguments[0]);
        var y = Reals(arguments[1]);
        if (x is null || y is null || x.Length != y.Length || x.Length == 0)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var n = x.Length;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return ScalarValue.FromReal(sxy / Math.Sqrt(sxx * syy));
    }

    private static double[] Filled(double value, int length)
    {
        var result = new double[length];
        System.Array.Fill(result, value);
        return result;
    }
}
