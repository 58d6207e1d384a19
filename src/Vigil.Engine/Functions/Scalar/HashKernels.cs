using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Per-row rules of the hash functions. <c>hash</c>/<c>hash_xxhash64</c> hash a value's bytes (UTF-8 text for
/// strings, the 8 little-endian bytes of long, datetime, timespan and real, as the reference's values show);
/// the cryptographic hashes hash the value's text form.
/// </summary>
internal static class HashKernels
{
    /// <summary><c>hash(value [, mod])</c>: XXH64 as a signed long, or its non-negative remainder by <c>mod</c>.</summary>
    public static ScalarValue XxHash(ReadOnlySpan<ScalarValue> a)
    {
        var hash = unchecked((long)XxHash64.Hash(ValueBytes(a[0])));
        if (a.Length < 2)
        {
            return ScalarValue.FromLong(hash);
        }

        if (a[1].IsNull || a[1].Int64 <= 0)
        {
            return ScalarValue.Null(ScalarType.Long);
        }

        return ScalarValue.FromLong((long)((ulong)hash % (ulong)a[1].Int64));
    }

    /// <summary>
    /// <c>hash_combine(h1, h2, ...)</c>: the hashes folded left to right with an XXH64-style mixing step (order
    /// matters). The reference does not give the combination; Vigil's values are stable but not Kusto's.
    /// </summary>
    public static ScalarValue Combine(ReadOnlySpan<ScalarValue> a)
    {
        var combined = unchecked((ulong)a[0].Int64);
        for (var i = 1; i < a.Length; i++)
        {
            combined = Mix(combined, unchecked((ulong)a[i].Int64));
        }

        return ScalarValue.FromLong(unchecked((long)combined));
    }

    /// <summary><c>hash_many(s1, s2, ...)</c>: hash_combine over each value's hash(); a null value hashes as an empty string.</summary>
    public static ScalarValue Many(ReadOnlySpan<ScalarValue> a)
    {
        ulong combined = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var hash = a[i].IsNull ? XxHash64.Hash([]) : XxHash64.Hash(ValueBytes(a[i]));
            combined = i == 0 ? hash : Mix(combined, hash);
        }

        return ScalarValue.FromLong(unchecked((long)combined));
    }

    private static ulong Mix(ulong accumulated, ulong next)
    {
        const ulong Prime1 = 0x9E3779B185EBCA87UL;
        const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
        const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
        unchecked
        {
            var round = System.Numerics.BitOperations.RotateLeft(next * Prime2, 31) * Prime1;
            return (System.Numerics.BitOperations.RotateLeft(accumulated ^ round, 27) * Prime1) + Prime4;
        }
    }

#pragma warning disable CA5350, CA5351 // Kusto's hash_md5 and hash_sha1: checksums the query asks for, not security.
    public static ScalarValue Md5(ReadOnlySpan<ScalarValue> a) => Hex(MD5.HashData(TextBytes(a[0])));

    public static ScalarValue Sha1(ReadOnlySpan<ScalarValue> a) => Hex(SHA1.HashData(TextBytes(a[0])));
#pragma warning restore CA5350, CA5351

    public static ScalarValue Sha256(ReadOnlySpan<ScalarValue> a) => Hex(SHA256.HashData(TextBytes(a[0])));

    private static ScalarValue Hex(byte[] hash) => ScalarValue.FromString(Convert.ToHexStringLower(hash));

    private static byte[] TextBytes(ScalarValue value) => Encoding.UTF8.GetBytes(TextOf(value));

    private static byte[] ValueBytes(ScalarValue value)
    {
        var bytes = new byte[8];
        switch (value.Type)
        {
            case ScalarType.Long or ScalarType.Int or ScalarType.DateTime or ScalarType.TimeSpan:
                BinaryPrimitives.WriteInt64LittleEndian(bytes, value.Int64);
                return bytes;
            case ScalarType.Real:
                BinaryPrimitives.WriteDoubleLittleEndian(bytes, value.Real);
                return bytes;
            case ScalarType.Bool:
                return [value.Bool ? (byte)1 : (byte)0];
            case ScalarType.Guid:
                return value.Guid.ToByteArray();
            default:
                return Encoding.UTF8.GetBytes(TextOf(value));
        }
    }

    /// <summary>The KQL text form of a value (as <c>tostring</c> gives it).</summary>
    public static string TextOf(ScalarValue value)
    {
        if (value.IsNull)
        {
            return string.Empty;
        }

        return value.Type switch
        {
            ScalarType.String => value.String,
            ScalarType.Bool => BoolText.Format(value.Bool),
            ScalarType.Int or ScalarType.Long => IntegerText.Format(value.Int64),
            ScalarType.Real => RealText.Format(value.Real),
            ScalarType.Decimal => DecimalText.Format(value.Decimal),
            ScalarType.DateTime => DateTimeText.Format(value.Int64),
            ScalarType.TimeSpan => TimeSpanText.Format(value.Int64),
            ScalarType.Guid => GuidText.Format(value.Guid),
            _ => value.Dynamic.ToString(),
        };
    }
}
