namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// The discrete Fourier transform of any length in O(n log n): radix-2 for powers of two, Bluestein's chirp
/// convolution otherwise. Forward is X[k] = sum x[t] e^(-2 pi i k t / n); inverse uses +i and divides by n.
/// </summary>
internal static class Fourier
{
    public static void Transform(double[] re, double[] im, bool inverse)
    {
        var n = re.Length;
        if (n <= 1)
        {
            return;
        }

        if ((n & (n - 1)) == 0)
        {
            Radix2(re, im, inverse);
        }
        else
        {
            Bluestein(re, im, inverse);
        }

        if (inverse)
        {
            for (var i = 0; i < n; i++)
            {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    /// <summary>The autocorrelation sums r[lag] = sum x[t] x[t + lag] for lag 0 .. n-1.</summary>
    public static double[] AutocorrelationSums(double[] x)
    {
        var size = 1;
        while (size < 2 * x.Length)
        {
            size <<= 1;
        }

        var re = new double[size];
        var im = new double[size];
        x.CopyTo(re, 0);
        Radix2(re, im, false);
        for (var i = 0; i < size; i++)
        {
            re[i] = (re[i] * re[i]) + (im[i] * im[i]);
            im[i] = 0;
        }

        Radix2(re, im, true);
        var result = new double[x.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = re[i] / size;
        }

        return result;
    }

    private static void Radix2(double[] re, double[] im, bool inverse)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / length;
            for (var start = 0; start < n; start += length)
            {
                for (var k = 0; k < length / 2; k++)
                {
                    var wr = Math.Cos(angle * k);
                    var wi = Math.Sin(angle * k);
                    var a = start + k;
                    var b = a + (length / 2);
                    var tr = (re[b] * wr) - (im[b] * wi);
                    var ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /// <summary>Any length as a circular convolution with the chirp e^(±i pi k^2 / n), done with radix-2 transforms.</summary>
    private static void Bluestein(double[] re, double[] im, bool inverse)
    {
        var n = re.Length;
        var size = 1;
        while (size < (2 * n) - 1)
        {
            size <<= 1;
        }

        var sign = inverse ? 1 : -1;
        var chirpRe = new double[n];
        var chirpIm = new double[n];
        for (var k = 0; k < n; k++)
        {
            // k^2 mod 2n keeps the angle exact for long series.
            var square = (long)k * k % (2L * n);
            var angle = sign * Math.PI * square / n;
            chirpRe[k] = Math.Cos(angle);
            chirpIm[k] = Math.Sin(angle);
        }

        var aRe = new double[size];
        var aIm = new double[size];
        for (var k = 0; k < n; k++)
        {
            aRe[k] = (re[k] * chirpRe[k]) - (im[k] * chirpIm[k]);
            aIm[k] = (re[k] * chirpIm[k]) + (im[k] * chirpRe[k]);
        }

        var bRe = new double[size];
        var bIm = new double[size];
        bRe[0] = chirpRe[0];
        bIm[0] = -chirpIm[0];
        for (var k = 1; k < n; k++)
        {
            bRe[k] = bRe[size - k] = chirpRe[k];
            bIm[k] = bIm[size - k] = -chirpIm[k];
        }

        Radix2(aRe, aIm, false);
        Radix2(bRe, bIm, false);
        for (var i = 0; i < size; i++)
        {
            var r = (aRe[i] * bRe[i]) - (aIm[i] * bIm[i]);
            var m = (aRe[i] * bIm[i]) + (aIm[i] * bRe[i]);
            aRe[i] = r;
            aIm[i] = m;
        }

        Radix2(aRe, aIm, true);
        for (var k = 0; k < n; k++)
        {
            var cr = aRe[k] / size;
            var ci = aIm[k] / size;
            re[k] = (cr * chirpRe[k]) - (ci * chirpIm[k]);
            im[k] = (cr * chirpIm[k]) + (ci * chirpRe[k]);
        }
    }
}
