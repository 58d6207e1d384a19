namespace Vigil.Simulator.World;

/// <summary>
/// A process on a device: its image, id, command line, start time, account and parent. Every event a process
/// causes names it the same way (InitiatingProcess* columns), and its children name it as their parent.
/// </summary>
internal sealed class Proc(Image image, long id, string commandLine, DateTime created, Account account, long logonId, string integrityLevel, Proc? parent, long sessionId)
{
    public Image Image { get; } = image;

    public long Id { get; } = id;

    public string CommandLine { get; } = commandLine;

    public DateTime Created { get; } = created;

    public Account Account { get; } = account;

    public long LogonId { get; } = logonId;

    /// <summary>System, High, Medium or Low.</summary>
    public string IntegrityLevel { get; } = integrityLevel;

    public string TokenElevation => IntegrityLevel switch
    {
        "High" => "TokenElevationTypeFull",
        "Medium" => "TokenElevationTypeLimited",
        _ => "TokenElevationTypeDefault",
    };

    public Proc? Parent { get; } = parent;

    public long SessionId { get; } = sessionId;

    /// <summary>A start time the parent cannot be later than (the parent of a root is the boot).</summary>
    public DateTime ParentCreated => Parent?.Created ?? Created.AddSeconds(-1);
}
