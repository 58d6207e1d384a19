using System.Text;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Punycode (RFC 3492 bootstring) for one label, without the <c>xn--</c> prefix. Letter case of basic characters is
/// kept both ways, as the reference's examples show.
/// </summary>
internal static class Punycode
{
    /// <summary>The dots IDNA accepts between labels (full stop, ideographic, fullwidth and halfwidth).</summary>
    public static readonly char[] LabelSeparators = ['.', '\u3002', '\uFF0E', '\uFF61'];

    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>Longer input fails (bootstring is quadratic; a DNS label holds 63 characters).</summary>
    private const int MaxLength = 4096;

    public static bool TryEncode(string input, out string encoded)
    {
        encoded = string.Empty;
        if (input.Length > MaxLength)
        {
            return false;
        }

        var codePoints = new List<int>();
        foreach (var rune in input.EnumerateRunes())
        {
            codePoints.Add(rune.Value);
        }

        var output = new StringBuilder();
        foreach (var c in codePoints)
        {
            if (c < 0x80)
            {
                output.Append((char)c);
            }
        }

        var basicCount = output.Length;
        var handled = basicCount;
        if (basicCount > 0)
        {
            output.Append('-');
        }

        long n = InitialN;
        long delta = 0;
        var bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = int.MaxValue;
            foreach (var c in codePoints)
            {
                if (c >= n && c < m)
                {
                    m = c;
                }
            }

            delta += (m - n) * (handled + 1);
            if (delta > int.MaxValue)
            {
                return false;
            }

            n = m;
            foreach (var c in codePoints)
            {
                if (c < n)
                {
                    delta++;
                }
                else if (c == n)
                {
                    var q = delta;
                    for (var k = Base; ; k += Base)
                    {
                        var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        output.Append(Digit((int)(t + ((q - t) % (Base - t)))));
                        q = (q - t) / (Base - t);
                    }

                    output.Append(Digit((int)q));
                    bias = Adapt(delta, handled + 1, handled == basicCount);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        encoded = output.ToString();
        return true;
    }

    public static bool TryDecode(string input, out string decoded)
    {
        decoded = string.Empty;
        if (input.Length > MaxLength)
        {
            return false;
        }

        var output = new List<int>();
        var basicEnd = input.LastIndexOf('-');
        if (basicEnd > 0)
        {
            for (var i = 0; i < basicEnd; i++)
            {
                if (input[i] >= 0x80)
                {
                    return false;
                }

                output.Add(input[i]);
            }
        }

        long n = InitialN;
        long i2 = 0;
        var bias = InitialBias;
        for (var position = basicEnd > 0 ? basicEnd + 1 : 0; position < input.Length;)
        {
            var oldI = i2;
            long w = 1;
            for (var k = Base; ; k += Base)
            {
                if (position >= input.Length)
                {
                    return false;
                }

                var digit = DigitValue(input[position++]);
                if (digit < 0)
                {
                    return false;
                }

                i2 += digit * w;
                if (i2 > int.MaxValue)
                {
                    return false;
                }

                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                w *= Base - t;
                if (w > int.MaxValue)
                {
                    return false;
                }
            }

            bias = Adapt(i2 - oldI, output.Count + 1, oldI == 0);
            n += i2 / (output.Count + 1);
            i2 %= output.Count + 1;
            if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
            {
                return false;
            }

            output.Insert((int)i2, (int)n);
            i2++;
        }

        var builder = new StringBuilder(output.Count);
        foreach (var c in output)
        {
            builder.Append(char.ConvertFromUtf32(c));
        }

        decoded = builder.ToString();
        return true;
    }

    private static int Adapt(long delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return (int)(k + (((Base - TMin + 1) * delta) / (delta + Skew)));
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + (d - 26));

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };
}
