using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The workspace the server serves, for endpoints that read its catalog or ingest into it (queries go through the
/// registered <c>QueryEngine</c>). <see cref="Workspace"/> is null when the server runs without a data directory.
/// </summary>
internal sealed record ServedWorkspace(Workspace? Workspace, string DatabaseName);
