namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The datetime and timespan: construction, parts, periods, formatting, unix times, time zones.</summary>
    private static void AddDateTimeFunctions(Registrar add)
    {
    }
}
