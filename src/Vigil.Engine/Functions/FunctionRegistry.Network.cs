namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The IPv4 and IPv6: parsing, comparison, ranges, masks, formatting.</summary>
    private static void AddNetworkFunctions(Registrar add)
    {
    }
}
