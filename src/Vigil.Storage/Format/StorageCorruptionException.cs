namespace Vigil.Storage;

/// <summary>A stored file failed a magic, version, length or checksum check.</summary>
public sealed class StorageCorruptionException : IOException
{
    public StorageCorruptionException()
    {
        FilePath = string.Empty;
    }

    public StorageCorruptionException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public StorageCorruptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    public StorageCorruptionException(string filePath, string message)
        : base($"{filePath}: {message}")
    {
        FilePath = filePath;
    }

    /// <summary>The file that failed its checks.</summary>
    public string FilePath { get; }
}
