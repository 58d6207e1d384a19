using System.Globalization;

namespace Vigil.Simulator.World;

/// <summary>
/// The simulated company: one Active Directory domain synchronised to Entra ID, its people and accounts, and its
/// devices (a domain controller, file and SQL servers when there are enough devices, and workstations each with a
/// primary user). Built from the seed alone, so the same seed always gives the same world.
/// </summary>
internal sealed class Organization
{
    public const string Domain = "contoso";
    public const string DnsDomain = "contoso.com";
    public const string TenantId = "3f2a1b9c-5d4e-4f60-8a7b-9c0d1e2f3a4b";

    private static readonly string[] GivenNames =
    [
        "Alex", "Maria", "James", "Priya", "Chen", "Fatima", "Lukas", "Sofia", "Omar", "Hannah", "Diego", "Aiko", "Noah",
        "Elena", "Samuel", "Grace", "Ivan", "Leila", "Tom", "Nadia", "Ben", "Olivia", "Raj", "Julia", "Kofi", "Emma",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Garcia", "Müller", "Patel", "Wang", "Khan", "Novak", "Rossi", "Haddad", "Schmidt", "Lopez", "Tanaka",
        "Brown", "Petrova", "Okafor", "Nguyen", "Ivanov", "Costa", "Jensen", "Dubois", "Kowalski", "Silva", "Ahmed",
    ];

    private static readonly (string Department, string Code, string[] Titles)[] Departments =
    [
        ("Finance", "fin", ["Accountant", "Financial Analyst", "Controller"]),
        ("Sales", "sal", ["Account Executive", "Sales Manager"]),
        ("Engineering", "eng", ["Software Engineer", "DevOps Engineer", "Engineering Manager"]),
        ("Human Resources", "hr", ["HR Specialist", "Recruiter"]),
        ("Marketing", "mkt", ["Marketing Specialist", "Content Writer"]),
        ("IT", "it", ["Systems Administrator", "Helpdesk Technician"]),
    ];

    public Organization(ulong seed, int deviceCount)
    {
        var random = SimRandom.For(seed, "organization");
        DomainSid = string.Create(CultureInfo.InvariantCulture,
            $"S-1-5-21-{random.NextLong(1_000_000_000, 4_000_000_000)}-{random.NextLong(1_000_000_000, 4_000_000_000)}-{random.NextLong(1_000_000_000, 4_000_000_000)}");

        var rid = 1104;
        var users = new List<Account>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var userCount = Math.Max(4, deviceCount + 2);
        for (var i = 0; users.Count < userCount; i++)
        {
            var given = random.Pick(GivenNames);
            var surname = random.Pick(Surnames);
            var name = (given[0] + Ascii(surname)).ToLowerInvariant();
            var suffix = names.Add(name) ? "" : i.ToString(CultureInfo.InvariantCulture);
            name += suffix;
            names.Add(name);
            var (department, _, titles) = Departments[users.Count % Departments.Length];
            var upn = $"{given.ToLowerInvariant()}.{Ascii(surname).ToLowerInvariant()}{suffix}@{DnsDomain}";
            users.Add(new Account(name, Domain, upn, $"{DomainSid}-{rid++}", random.NextGuid().ToString(), $"{given} {surname}",
                given, surname, department, random.Pick(titles), AccountKind.User));
        }

        Users = users;
        var itUser = users.FirstOrDefault(u => u.Department == "IT") ?? users[0];
        Admins =
        [
            new Account("adm-" + itUser.Name, Domain, $"adm-{itUser.Name}@{DnsDomain}", $"{DomainSid}-{rid++}", random.NextGuid().ToString(),
                itUser.DisplayName + " (admin)", itUser.GivenName, itUser.Surname, "IT", "Domain Administrator", AccountKind.Admin),
            new Account("administrator", Domain, $"administrator@{DnsDomain}", $"{DomainSid}-500", random.NextGuid().ToString(),
                "Administrator", "", "", "IT", "", AccountKind.Admin),
        ];
        ServiceAccounts =
        [
            new Account("svc-sql", Domain, $"svc-sql@{DnsDomain}", $"{DomainSid}-{rid++}", random.NextGuid().ToString(), "SQL Service", "", "", "IT", "", AccountKind.Service),
            new Account("svc-backup", Domain, $"svc-backup@{DnsDomain}", $"{DomainSid}-{rid++}", random.NextGuid().ToString(), "Backup Service", "", "", "IT", "", AccountKind.Service),
        ];

        var devices = new List<Device>();
        var publicIp = "198.51.100." + random.Next(10, 250).ToString(CultureInfo.InvariantCulture);
        var servers = deviceCount >= 6
            ? new[] { ("dc01", DeviceRole.DomainController), ("fs01", DeviceRole.FileServer), ("sql01", DeviceRole.SqlServer) }
            : deviceCount >= 3 ? new[] { ("dc01", DeviceRole.DomainController) } : [];
        foreach (var (name, role) in servers)
        {
            devices.Add(NewDevice(random, devices.Count, name, role, null, publicIp));
        }

        var userIndex = 0;
        while (devices.Count < deviceCount)
        {
            var user = users[userIndex++ % users.Count];
            var code = Departments.First(d => d.Department == user.Department).Code;
            var name = $"{code}-{(random.Chance(0.6) ? "lt" : "ws")}-{devices.Count + 100:D3}";
            devices.Add(NewDevice(random, devices.Count, name, DeviceRole.Workstation, user, publicIp));
        }

        Devices = devices;
        DomainController = devices.FirstOrDefault(d => d.Role == DeviceRole.DomainController);
    }

    public string DomainSid { get; }

    public IReadOnlyList<Account> Users { get; }

    public IReadOnlyList<Account> Admins { get; }

    public IReadOnlyList<Account> ServiceAccounts { get; }

    public IReadOnlyList<Device> Devices { get; }

    public Device? DomainController { get; }

    /// <summary>Every domain account (users, admins, service accounts).</summary>
    public IEnumerable<Account> DomainAccounts => Users.Concat(Admins).Concat(ServiceAccounts);

    private static Device NewDevice(SimRandom random, int index, string name, DeviceRole role, Account? user, string publicIp)
    {
        var server = role != DeviceRole.Workstation;
        var (platform, build, info) = server
            ? random.Chance(0.5) ? ("WindowsServer2022", 20348L, "Windows Server 2022 Datacenter") : ("WindowsServer2019", 17763L, "Windows Server 2019 Datacenter")
            : random.Chance(0.7) ? ("Windows11", 22631L, "Windows 11 Enterprise 23H2") : ("Windows10", 19045L, "Windows 10 Enterprise 22H2");
        var ip = server
            ? $"10.0.0.{10 + index}"
            : $"10.1.{1 + (index / 200)}.{20 + (index % 200)}";
        var mac = string.Join("-", Enumerable.Range(0, 6).Select(i => i == 0 ? "00" : random.Hex(2).ToUpperInvariant()));
        return new Device(index, $"{name}.{DnsDomain}", random.Hex(40), random.NextGuid().ToString(), role, platform, build, info,
            ip, mac, publicIp, server ? "Servers" : "Workstations", user);
    }

    private static string Ascii(string name) => name.Replace("ü", "ue", StringComparison.Ordinal);
}
