namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The strings: text editing, encodings, hashes, URLs and paths, regular expressions.</summary>
    private static void AddStringFunctions(Registrar add)
    {
    }
}
