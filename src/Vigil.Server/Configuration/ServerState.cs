using System.Globalization;
using System.Runtime.InteropServices;

namespace Vigil.Server.Configuration;

/// <summary>
/// The folder where the server keeps what it generates on first run and reuses afterwards: the workspace id, Vigil's
/// token signing key and the self-signed HTTPS certificate. Created owner-only (0700); secrets in it are 0600.
/// </summary>
internal sealed class ServerState
{
    private const string FolderName = ".vigil-server";

    private ServerState(string directory) => Directory = directory;

    public string Directory { get; }

    public string SigningKeyPath => Path.Combine(Directory, "signing-key.pem");

    /// <summary>The generated certificate, PEM, so clients can trust it (NODE_EXTRA_CA_CERTS, curl --cacert).</summary>
    public string CertificatePath => Path.Combine(Directory, "localhost-cert.pem");

    public string CertificateKeyPath => Path.Combine(Directory, "localhost-key.pem");

    private string WorkspaceIdPath => Path.Combine(Directory, "workspace-id");

    /// <summary>
    /// The configured state folder; else <c>&lt;data&gt;/.vigil-server</c>; else <c>.vigil-server</c> beside the
    /// configuration file; else under the user's local application data (a server over an empty workspace still
    /// needs its key and certificate).
    /// </summary>
    public static ServerState For(VigilServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = options.StateDirectory
            ?? (options.DataDirectory is { } data
                ? Path.Combine(Path.GetFullPath(data), FolderName)
                : options.ConfigDirectory is { } beside
                ? Path.Combine(beside, FolderName)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "vigil", FolderName));
        return new ServerState(Path.GetFullPath(directory));
    }

    /// <summary>The configured workspace id, else the one generated on first run.</summary>
    public Guid WorkspaceId(Guid? configured)
    {
        if (configured is { } id)
        {
            return id;
        }

        var text = ReadOrCreate(WorkspaceIdPath, () => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture) + "\n", secret: false);
        return Guid.TryParse(text.Trim(), out var kept)
            ? kept
            : throw new ServerConfigurationException($"'{WorkspaceIdPath}' does not hold a GUID; delete it to generate a new workspace id");
    }

    /// <summary>
    /// The file's text, creating it first with <paramref name="create"/> when it is missing. Creation is exclusive, so
    /// two processes starting at once agree on one content.
    /// </summary>
    public string ReadOrCreate(string path, Func<string> create, bool secret)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!File.Exists(path))
        {
            EnsureDirectory();
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows() && secret)
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
            try
            {
                using (var stream = new FileStream(temporary, options))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(create());
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }

                // Publish whole: a reader never sees a half-written key. Losing the race keeps the winner's file.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        if (secret && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            throw new ServerConfigurationException($"'{path}' is readable by other users; make it private (chmod 600) or delete it to generate a new one");
        }

        return File.ReadAllText(path);
    }

    /// <summary>Replaces a generated file (an expired certificate).</summary>
    public void Replace(string path, string content, bool secret)
    {
        EnsureDirectory();
        var temporary = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows() && secret)
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private void EnsureDirectory()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
