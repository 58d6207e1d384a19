using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Engine.Planning;

/// <summary>
/// Parsing of IP addresses and CIDR networks for ipv4_lookup/ipv6_lookup: addresses become 128-bit numbers (IPv4 as
/// the IPv4-mapped IPv6 range ::ffff:0:0/96, so one table holds both), networks an address with a prefix length.
/// Anything else is rejected (the row does not match), never an exception.
/// </summary>
internal static class IpNetworks
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    /// <summary>Parses "a.b.c.d[/n]" (IPv4 only) or, when <paramref name="allowV6"/>, any IPv6 text "x::y[/n]" too.</summary>
    public static bool TryParse(string text, bool allowV6, out UInt128 address, out int prefix)
    {
        address = 0;
        prefix = 0;
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash >= 0 ? text[..slash] : text;
        int? length = null;
        if (slash >= 0)
        {
            if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            length = parsed;
        }

        if (TryParseV4(host, out var v4))
        {
            if (length is < 0 or > 32)
            {
                return false;
            }

            address = MappedPrefix | v4;
            prefix = 96 + (length ?? 32);
            return true;
        }

        if (!allowV6 || !host.Contains(':', StringComparison.Ordinal) || !IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (length is < 0 or > 128)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!ip.TryWriteBytes(bytes, out _))
        {
            return false;
        }

        address = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        prefix = length ?? 128;
        return true;
    }

    /// <summary>The address with all bits past the prefix cleared.</summary>
    public static UInt128 Mask(UInt128 address, int prefix) =>
        prefix <= 0 ? 0 : prefix >= 128 ? address : address & (UInt128.MaxValue << (128 - prefix));

    private static bool TryParseV4(string text, out uint value)
    {
        value = 0;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
        }

        return true;
    }
}
