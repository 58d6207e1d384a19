using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>Per-row rules of the IPv4/IPv6 functions; text that is no address gives null (empty for string results).</summary>
internal static class NetworkKernels
{
    private static readonly ScalarValue NullLong = ScalarValue.Null(ScalarType.Long);
    private static readonly ScalarValue NullBool = ScalarValue.Null(ScalarType.Bool);
    private static readonly ScalarValue Empty = ScalarValue.FromString(string.Empty);

    public static ScalarValue ParseIpv4(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv4(a[0].String, out var address, out var prefix) ? ScalarValue.FromLong(address & IpAddressText.Mask4(prefix)) : NullLong;

    public static ScalarValue ParseIpv4Mask(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv4(a[0].String, out var address, out var prefix) && TryPrefix(a[1], 32, out var requested)
            ? ScalarValue.FromLong(address & IpAddressText.Mask4(Math.Min(prefix, requested)))
            : NullLong;

    /// <summary><c>ipv4_compare(a, b [, prefix])</c>: -1, 0 or 1 over the shortest of the prefixes.</summary>
    public static ScalarValue Ipv4Compare(ReadOnlySpan<ScalarValue> a) =>
        TryCompare4(a, out var order) ? ScalarValue.FromLong(order) : NullLong;

    public static ScalarValue Ipv4IsMatch(ReadOnlySpan<ScalarValue> a) =>
        TryCompare4(a, out var order) ? ScalarValue.FromBool(order == 0) : NullBool;

    private static bool TryCompare4(ReadOnlySpan<ScalarValue> a, out int order)
    {
        order = 0;
        if (!IpAddressText.TryParseIpv4(a[0].String, out var left, out var leftPrefix)
            || !IpAddressText.TryParseIpv4(a[1].String, out var right, out var rightPrefix))
        {
            return false;
        }

        var prefix = Math.Min(leftPrefix, rightPrefix);
        if (a.Length > 2)
        {
            if (!TryPrefix(a[2], 32, out var requested))
            {
                return false;
            }

            prefix = Math.Min(prefix, requested);
        }

        var mask = IpAddressText.Mask4(prefix);
        order = (left & mask).CompareTo(right & mask);
        order = Math.Sign(order);
        return true;
    }

    public static ScalarValue Ipv4IsInRange(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv4(a[0].String, out var address, out _) && IpAddressText.TryParseIpv4(a[1].String, out var range, out var prefix)
            ? ScalarValue.FromBool(InRange4(address, range, prefix))
            : NullBool;

    /// <summary><c>ipv4_is_in_any_range(ip, range, ...)</c>: ranges as strings or arrays of strings.</summary>
    public static ScalarValue Ipv4IsInAnyRange(ReadOnlySpan<ScalarValue> a)
    {
        if (!IpAddressText.TryParseIpv4(a[0].String, out var address, out _))
        {
            return NullBool;
        }

        var any = false;
        foreach (var range in Texts(a[1..]))
        {
            if (!IpAddressText.TryParseIpv4(range, out var start, out var prefix))
            {
                return NullBool;
            }

            any |= InRange4(address, start, prefix);
        }

        return ScalarValue.FromBool(any);
    }

    private static bool InRange4(uint address, uint range, int prefix)
    {
        var mask = IpAddressText.Mask4(prefix);
        return (address & mask) == (range & mask);
    }

    /// <summary><c>ipv4_is_private(ip)</c>: in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918).</summary>
    public static ScalarValue Ipv4IsPrivate(ReadOnlySpan<ScalarValue> a)
    {
        if (!IpAddressText.TryParseIpv4(a[0].String, out var address, out _))
        {
            return NullBool;
        }

        return ScalarValue.FromBool(InRange4(address, 0x0A000000, 8) || InRange4(address, 0xAC100000, 12) || InRange4(address, 0xC0A80000, 16));
    }

    public static ScalarValue Ipv4NetmaskSuffix(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv4(a[0].String, out _, out var prefix) ? ScalarValue.FromLong(prefix) : NullLong;

    /// <summary><c>ipv4_range_to_cidr_list(start, end)</c>: the fewest CIDR blocks that cover the range exactly.</summary>
    public static ScalarValue Ipv4RangeToCidrList(ReadOnlySpan<ScalarValue> a)
    {
        if (!IpAddressText.TryParseIpv4(a[0].String, out var start, out _) || !IpAddressText.TryParseIpv4(a[1].String, out var end, out _))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var blocks = new List<DynamicValue?>();
        var current = (ulong)start;
        while (current <= end)
        {
            var size = 32;
            while (size > 0)
            {
                var block = 1UL << (33 - size);
                if ((current & (block - 1)) != 0 || current + block - 1 > end)
                {
                    break;
                }

                size--;
            }

            blocks.Add(DynamicValue.FromString(IpAddressText.FormatIpv4((uint)current) + "/" + size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            current += 1UL << (32 - size);
        }

        return ScalarValue.FromDynamic(DynamicValue.FromArray(blocks.ToArray()));
    }

    /// <summary><c>format_ipv4(ip [, prefix])</c>: the address (text or number) masked to the prefix, as dotted text.</summary>
    public static ScalarValue FormatIpv4(ReadOnlySpan<ScalarValue> a) =>
        TryMasked4(a, out var address, out _) ? ScalarValue.FromString(IpAddressText.FormatIpv4(address)) : Empty;

    /// <summary><c>format_ipv4_mask(ip [, prefix])</c>: as <see cref="FormatIpv4"/> with the <c>/prefix</c>.</summary>
    public static ScalarValue FormatIpv4Mask(ReadOnlySpan<ScalarValue> a) =>
        TryMasked4(a, out var address, out var prefix)
            ? ScalarValue.FromString(IpAddressText.FormatIpv4(address) + "/" + prefix.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Empty;

    private static bool TryMasked4(ReadOnlySpan<ScalarValue> a, out uint address, out int prefix)
    {
        address = 0;
        prefix = 32;
        var ip = a[0];
        if (ip.IsNull)
        {
            return false;
        }

        if (ip.Type is ScalarType.Long or ScalarType.Int)
        {
            if (ip.Int64 is < 0 or > uint.MaxValue)
            {
                return false;
            }

            address = (uint)ip.Int64;
        }
        else if (!IpAddressText.TryParseIpv4(HashKernels.TextOf(ip), out address, out prefix))
        {
            return false;
        }

        if (a.Length > 1)
        {
            if (!TryPrefix(a[1], 32, out var requested))
            {
                return false;
            }

            prefix = Math.Min(prefix, requested);
        }

        address &= IpAddressText.Mask4(prefix);
        return true;
    }

    public static ScalarValue ParseIpv6(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv6(a[0].String, out var address, out var prefix)
            ? ScalarValue.FromString(IpAddressText.FormatIpv6(address & IpAddressText.Mask6(prefix)))
            : Empty;

    public static ScalarValue ParseIpv6Mask(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv6(a[0].String, out var address, out var prefix) && TryPrefix(a[1], 128, out var requested)
            ? ScalarValue.FromString(IpAddressText.FormatIpv6(address & IpAddressText.Mask6(Math.Min(prefix, requested))))
            : Empty;

    public static ScalarValue Ipv6Compare(ReadOnlySpan<ScalarValue> a) =>
        TryCompare6(a, out var order) ? ScalarValue.FromLong(order) : NullLong;

    public static ScalarValue Ipv6IsMatch(ReadOnlySpan<ScalarValue> a) =>
        TryCompare6(a, out var order) ? ScalarValue.FromBool(order == 0) : NullBool;

    private static bool TryCompare6(ReadOnlySpan<ScalarValue> a, out int order)
    {
        order = 0;
        if (!IpAddressText.TryParseIpv6(a[0].String, out var left, out var leftPrefix)
            || !IpAddressText.TryParseIpv6(a[1].String, out var right, out var rightPrefix))
        {
            return false;
        }

        var prefix = Math.Min(leftPrefix, rightPrefix);
        if (a.Length > 2)
        {
            if (!TryPrefix(a[2], 128, out var requested))
            {
                return false;
            }

            prefix = Math.Min(prefix, requested);
        }

        var mask = IpAddressText.Mask6(prefix);
        order = Math.Sign((left & mask).CompareTo(right & mask));
        return true;
    }

    public static ScalarValue Ipv6IsInRange(ReadOnlySpan<ScalarValue> a) =>
        IpAddressText.TryParseIpv6(a[0].String, out var address, out _) && IpAddressText.TryParseIpv6(a[1].String, out var range, out var prefix)
            ? ScalarValue.FromBool((address & IpAddressText.Mask6(prefix)) == (range & IpAddressText.Mask6(prefix)))
            : NullBool;

    public static ScalarValue Ipv6IsInAnyRange(ReadOnlySpan<ScalarValue> a)
    {
        if (!IpAddressText.TryParseIpv6(a[0].String, out var address, out _))
        {
            return NullBool;
        }

        var any = false;
        foreach (var text in Texts(a[1..]))
        {
            if (!IpAddressText.TryParseIpv6(text, out var range, out var prefix))
            {
                return NullBool;
            }

            var mask = IpAddressText.Mask6(prefix);
            any |= (address & mask) == (range & mask);
        }

        return ScalarValue.FromBool(any);
    }

    /// <summary><c>has_ipv4(text, ip)</c>: a valid, delimited IPv4 address in the text equals <c>ip</c>.</summary>
    public static ScalarValue HasIpv4(ReadOnlySpan<ScalarValue> a) => HasAny(a[0].String, [a[1].String], prefix: false);

    public static ScalarValue HasIpv4Prefix(ReadOnlySpan<ScalarValue> a) => HasAny(a[0].String, [a[1].String], prefix: true);

    public static ScalarValue HasAnyIpv4(ReadOnlySpan<ScalarValue> a) => HasAny(a[0].String, Texts(a[1..]), prefix: false);

    public static ScalarValue HasAnyIpv4Prefix(ReadOnlySpan<ScalarValue> a) => HasAny(a[0].String, Texts(a[1..]), prefix: true);

    /// <summary>
    /// Whether a delimited IPv4 address in <paramref name="text"/> (a run of digits and dots not touching letters,
    /// digits or dots; a trailing dot ends a sentence) equals one of <paramref name="lookups"/>, or starts with one
    /// when <paramref name="prefix"/> (a prefix is a whole address or one to three octets each ending with a dot).
    /// An invalid lookup matches nothing.
    /// </summary>
    private static ScalarValue HasAny(string text, List<string> lookups, bool prefix)
    {
        var valid = new List<string>(lookups.Count);
        foreach (var lookup in lookups)
        {
            var trimmed = lookup.Trim();
            if (IpAddressText.TryParseDotted(trimmed, out _) || (prefix && IsOctetPrefix(trimmed)))
            {
                valid.Add(trimmed);
            }
        }

        if (valid.Count == 0)
        {
            return ScalarValue.FromBool(false);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '.')))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            var candidate = text.AsSpan(i, end - i);
            if (candidate.EndsWith('.'))
            {
                candidate = candidate[..^1];
            }

            if ((end >= text.Length || !char.IsAsciiLetter(text[end])) && IpAddressText.TryParseDotted(candidate, out _))
            {
                foreach (var lookup in valid)
                {
                    if (prefix ? candidate.StartsWith(lookup, StringComparison.Ordinal) : candidate.SequenceEqual(lookup))
                    {
                        return ScalarValue.FromBool(true);
                    }
                }
            }

            i = end;
        }

        return ScalarValue.FromBool(false);
    }

    private static bool IsOctetPrefix(string text)
    {
        if (!text.EndsWith('.'))
        {
            return false;
        }

        var parts = text[..^1].Split('.');
        return parts.Length is >= 1 and <= 3 && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    private static bool TryPrefix(ScalarValue value, int max, out int prefix)
    {
        prefix = 0;
        if (value.IsNull || value.Int64 < 0 || value.Int64 > max)
        {
            return false;
        }

        prefix = (int)value.Int64;
        return true;
    }

    /// <summary>The texts of arguments that are strings or arrays of strings.</summary>
    private static List<string> Texts(ReadOnlySpan<ScalarValue> values)
    {
        var texts = new List<string>();
        foreach (var value in values)
        {
            if (value.Type != ScalarType.Dynamic)
            {
                texts.Add(HashKernels.TextOf(value));
            }
            else if (value.Dynamic.Kind == DynamicKind.Array)
            {
                foreach (var item in value.Dynamic.ArrayItems)
                {
                    texts.Add(item.Kind == DynamicKind.String ? item.StringValue : item.ToString());
                }
            }
            else if (!value.Dynamic.IsNull)
            {
                texts.Add(value.Dynamic.Kind == DynamicKind.String ? value.Dynamic.StringValue : value.Dynamic.ToString());
            }
        }

        return texts;
    }
}
