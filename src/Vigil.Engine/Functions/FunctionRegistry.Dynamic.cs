namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The dynamic values: arrays, sets, property bags, JSON, zip and treepath.</summary>
    private static void AddDynamicFunctions(Registrar add)
    {
    }
}
