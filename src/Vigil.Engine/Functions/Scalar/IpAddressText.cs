using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Parses and formats the IP text forms of the network functions: IPv4 <c>a.b.c.d[/prefix]</c> as a 32-bit value
/// and IPv6 (or IPv4, mapped as <c>::ffff:a.b.c.d</c>) <c>address[/prefix]</c> as a 128-bit value.
/// </summary>
internal static class IpAddressText
{
    /// <summary>Parses strict dotted-decimal IPv4 with an optional <c>/prefix</c> (0..32, default 32).</summary>
    public static bool TryParseIpv4(ReadOnlySpan<char> text, out uint address, out int prefix)
    {
        text = text.Trim();
        prefix = 32;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32)
            {
                address = 0;
                return false;
            }

            text = text[..slash];
        }

        return TryParseDotted(text, out address);
    }

    /// <summary>Dotted-decimal IPv4: four parts of 1-3 digits, each at most 255.</summary>
    public static bool TryParseDotted(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var parts = 0;
        var value = -1;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255)
                {
                    return false;
                }
            }
            else if (c == '.' && value >= 0 && parts < 3)
            {
                address = (address << 8) | (uint)value;
                parts++;
                value = -1;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        if (value < 0 || parts != 3)
        {
            return false;
        }

        address = (address << 8) | (uint)value;
        return true;
    }

    public static uint Mask4(int prefix) => prefix <= 0 ? 0 : uint.MaxValue << (32 - prefix);

    public static string FormatIpv4(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");

    /// <summary>Parses IPv6 (or IPv4, as its mapped IPv6 form with 96 added to its prefix) with an optional <c>/prefix</c> (0..128).</summary>
    public static bool TryParseIpv6(ReadOnlySpan<char> text, out UInt128 address, out int prefix)
    {
        text = text.Trim();
        address = 0;
        prefix = 128;
        if (text.IndexOf(':') < 0)
        {
            if (!TryParseIpv4(text, out var v4, out var prefix4))
            {
                return false;
            }

            address = ((UInt128)0xFFFF << 32) | v4;
            prefix = 96 + prefix4;
            return true;
        }

        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 128)
            {
                return false;
            }

            text = text[..slash];
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        parsed.TryWriteBytes(bytes, out _);
        foreach (var b in bytes)
        {
            address = (address << 8) | b;
        }

        return true;
    }

    public static UInt128 Mask6(int prefix) => prefix <= 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);

    /// <summary>The full form: eight groups of four lower-case hex digits.</summary>
    public static string FormatIpv6(UInt128 address)
    {
        var builder = new StringBuilder(39);
        for (var group = 7; group >= 0; group--)
        {
            builder.Append(((ushort)(address >> (group * 16))).ToString("x4", CultureInfo.InvariantCulture));
            if (group > 0)
            {
                builder.Append(':');
            }
        }

        return builder.ToString();
    }
}
