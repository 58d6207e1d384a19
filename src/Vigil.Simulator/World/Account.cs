namespace Vigil.Simulator.World;

/// <summary>A user, admin, service or built-in account, as Defender and Entra ID name it.</summary>
internal sealed record Account(
    string Name,
    string Domain,
    string? Upn,
    string Sid,
    string? ObjectId,
    string DisplayName,
    string GivenName,
    string Surname,
    string Department,
    string JobTitle,
    AccountKind Kind)
{
    /// <summary>Built-in <c>nt authority\system</c>.</summary>
    public static readonly Account System = Builtin("system", "S-1-5-18");

    public static readonly Account LocalService = Builtin("local service", "S-1-5-19");

    public static readonly Account NetworkService = Builtin("network service", "S-1-5-20");

    /// <summary>The logon session id Windows gives the account's session (999 for SYSTEM, as in real events).</summary>
    public long LogonIdFor(long userLogonId) => Sid switch
    {
        "S-1-5-18" => 999,
        "S-1-5-19" => 997,
        "S-1-5-20" => 996,
        _ => userLogonId,
    };

    public bool IsBuiltin => Kind == AccountKind.Builtin;

    private static Account Builtin(string name, string sid) =>
        new(name, "nt authority", null, sid, null, name, "", "", "", "", AccountKind.Builtin);
}

internal enum AccountKind
{
    User,
    Admin,
    Service,
    Builtin,
}
