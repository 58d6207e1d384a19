using System.CommandLine;
using Vigil.Engine;
using Vigil.Storage;

namespace Vigil.Cli.WorkspaceCommands;

/// <summary>The <c>--data DIR</c> option the workspace commands share, and opening the workspace it names.</summary>
internal static class WorkspaceArguments
{
    public static Option<string> DataOption(bool required) => new("--data")
    {
        Description = "The workspace directory (created when it does not exist).",
        Required = required,
    };

    public static Storage.Workspace Open(string directory, WorkspaceOptions? options = null)
    {
        try
        {
            return SchemaMapping.OpenWorkspace(directory, options);
        }
        catch (StorageCorruptionException e)
        {
            throw new CommandException($"the workspace in '{directory}' is damaged: {e.Message}");
        }
    }
}
