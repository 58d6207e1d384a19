namespace Vigil.Simulator.World;

/// <summary>
/// The SHA1, SHA256 and MD5 of a file, as lowercase hex of the right lengths (40, 64, 32). They are derived from
/// the file's identity (path and version), so the same file has the same hashes on every device and in every table.
/// </summary>
internal sealed record Digests(string Sha1, string Sha256, string Md5)
{
    public static Digests Of(string identity)
    {
        var random = new SimRandom(SimRandom.Hash(identity));
        return new Digests(random.Hex(40), random.Hex(64), random.Hex(32));
    }
}
