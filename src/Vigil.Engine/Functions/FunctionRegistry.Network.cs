using Vigil.Engine.Functions.Scalar;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The IPv4 and IPv6: parsing, comparison, ranges, masks, formatting.</summary>
    private static void AddNetworkFunctions(Registrar add)
    {
        const ScalarType S = ScalarType.String;
        const ScalarType L = ScalarType.Long;
        const ScalarType B = ScalarType.Bool;
        const ScalarType Keep = ScalarType.Unknown;

        add(Kernel(NetworkKernels.ParseIpv4, L, 1, 1, [S]), "parse_ipv4");
        add(Kernel(NetworkKernels.ParseIpv4Mask, L, 2, 2, [S, L]), "parse_ipv4_mask");
        add(Kernel(NetworkKernels.Ipv4Compare, L, 2, 3, [S, S, L]), "ipv4_compare");
        add(Kernel(NetworkKernels.Ipv4IsMatch, B, 2, 3, [S, S, L]), "ipv4_is_match");
        add(Kernel(NetworkKernels.Ipv4IsInRange, B, 2, 2, [S]), "ipv4_is_in_range");
        add(Kernel(NetworkKernels.Ipv4IsInAnyRange, B, 2, 64, [S, Keep], propagatesNulls: false), "ipv4_is_in_any_range");
        add(Kernel(NetworkKernels.Ipv4IsPrivate, B, 1, 1, [S]), "ipv4_is_private");
        add(Kernel(NetworkKernels.Ipv4NetmaskSuffix, L, 1, 1, [S]), "ipv4_netmask_suffix");
        add(Kernel(NetworkKernels.Ipv4RangeToCidrList, ScalarType.Dynamic, 2, 2, [S]), "ipv4_range_to_cidr_list");
        add(Kernel(NetworkKernels.FormatIpv4, S, 1, 2, [Keep, L]), "format_ipv4");
        add(Kernel(NetworkKernels.FormatIpv4Mask, S, 1, 2, [Keep, L]), "format_ipv4_mask");
        add(Kernel(NetworkKernels.ParseIpv6, S, 1, 1, [S]), "parse_ipv6");
        add(Kernel(NetworkKernels.ParseIpv6Mask, S, 2, 2, [S, L]), "parse_ipv6_mask");
        add(Kernel(NetworkKernels.Ipv6Compare, L, 2, 3, [S, S, L]), "ipv6_compare");
        add(Kernel(NetworkKernels.Ipv6IsMatch, B, 2, 3, [S, S, L]), "ipv6_is_match");
        add(Kernel(NetworkKernels.Ipv6IsInRange, B, 2, 2, [S]), "ipv6_is_in_range");
        add(Kernel(NetworkKernels.Ipv6IsInAnyRange, B, 2, 64, [S, Keep], propagatesNulls: false), "ipv6_is_in_any_range");
        add(Kernel(NetworkKernels.HasIpv4, B, 2, 2, [S]), "has_ipv4");
        add(Kernel(NetworkKernels.HasIpv4Prefix, B, 2, 2, [S]), "has_ipv4_prefix");
        add(Kernel(NetworkKernels.HasAnyIpv4, B, 2, 64, [S, Keep], propagatesNulls: false), "has_any_ipv4");
        add(Kernel(NetworkKernels.HasAnyIpv4Prefix, B, 2, 64, [S, Keep], propagatesNulls: false), "has_any_ipv4_prefix");
    }
}
