namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The series_* functions over dynamic arrays.</summary>
    private static void AddSeriesFunctions(Registrar add)
    {
    }
}
