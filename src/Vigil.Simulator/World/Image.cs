namespace Vigil.Simulator.World;

/// <summary>An executable or library file: where it lives, its version resource, its signer and its hashes.</summary>
internal sealed class Image
{
    public Image(string path, string company, string product, string description, string version, long size, string? originalName = null, string signer = "Microsoft Windows")
    {
        Path = path;
        FileName = path[(path.LastIndexOf('\\') + 1)..];
        Company = company;
        Product = product;
        Description = description;
        Version = version;
        Size = size;
        OriginalFileName = originalName ?? FileName;
        Signer = signer;
        Hashes = Digests.Of(path.ToLowerInvariant() + "|" + version);
    }

    /// <summary>The full path, file name included (Defender's FolderPath).</summary>
    public string Path { get; }

    public string FileName { get; }

    public string Company { get; }

    public string Product { get; }

    public string Description { get; }

    public string Version { get; }

    public long Size { get; }

    public string OriginalFileName { get; }

    /// <summary>The certificate subject that signed the file; empty for unsigned files.</summary>
    public string Signer { get; }

    public Digests Hashes { get; }

    public bool IsSigned => Signer.Length > 0;

    /// <summary>How the signer is classified in InitiatingProcessSignerType.</summary>
    public string SignerType => Signer switch
    {
        "" => "None",
        "Microsoft Windows" => "OsVendor",
        _ when Signer.StartsWith("Microsoft", StringComparison.Ordinal) => "Microsoft",
        _ => "ThirdParty",
    };
}
