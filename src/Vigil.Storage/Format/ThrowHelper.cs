using System.Diagnostics.CodeAnalysis;

namespace Vigil.Storage.Format;

/// <summary>Throws kept out of hot paths so the callers stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Corrupt(string path, string message) => throw new StorageCorruptionException(path, message);

    [DoesNotReturn]
    public static T Corrupt<T>(string path, string message) => throw new StorageCorruptionException(path, message);

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void ObjectDisposed(string name) => throw new ObjectDisposedException(name);
}
