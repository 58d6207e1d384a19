using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// series_fft / series_ifft(real [, imaginary]): the discrete Fourier transform and its inverse (divided by n), as
/// the tuple [real, imaginary]. Missing imaginary parts are zeros; non-numeric elements count as 0.
/// </summary>
internal static class SeriesFourier
{
    public static RowKernel Transform(bool inverse) => arguments =>
    {
        var re = SeriesMath.Reals(arguments[0]);
        if (re is null)
        {
            return DynamicArgs.NullDynamic;
        }

        double[] im;
        if (arguments.Length > 1 && !arguments[1].IsNull)
        {
            var given = SeriesMath.Reals(arguments[1]);
            if (given is null || given.Length != re.Length)
            {
                return DynamicArgs.NullDynamic;
            }

            im = given;
        }
        else
        {
            im = new double[re.Length];
        }

        for (var i = 0; i < re.Length; i++)
        {
            re[i] = double.IsNaN(re[i]) ? 0 : re[i];
            im[i] = double.IsNaN(im[i]) ? 0 : im[i];
        }

        Fourier.Transform(re, im, inverse);
        return DynamicArgs.Array([Reals(re), Reals(im)]);
    };

    private static DynamicValue Reals(double[] values)
    {
        var items = new DynamicValue[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            items[i] = DynamicValue.FromReal(values[i]);
        }

        return DynamicValue.WrapArray(items);
    }
}
