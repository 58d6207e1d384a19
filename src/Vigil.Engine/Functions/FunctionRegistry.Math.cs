namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The math, conversions, bitwise operations and numeric helpers.</summary>
    private static void AddMathFunctions(Registrar add)
    {
    }
}
