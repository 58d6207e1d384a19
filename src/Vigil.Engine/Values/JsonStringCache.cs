using System.Text.Json;

namespace Vigil.Engine.Values;

/// <summary>
/// Reuses the strings of short, unescaped JSON tokens (property names and small values repeat from row to row in
/// log data): a per-thread, direct-mapped cache keyed by a hash of the UTF-8 bytes and confirmed byte for byte.
/// </summary>
internal static class JsonStringCache
{
    private const int Slots = 512;
    private const int MaxCachedBytes = 48;

    [ThreadStatic]
    private static string?[]? t_slots;

    public static string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxCachedBytes)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var slots = t_slots ??= new string?[Slots];
        var hash = new HashCode();
        hash.AddBytes(bytes);
        var slot = (int)((uint)hash.ToHashCode() % Slots);
        var cached = slots[slot];
        if (cached is not null && reader.ValueTextEquals(cached))
        {
            return cached;
        }

        var text = reader.GetString()!;
        slots[slot] = text;
        return text;
    }
}
