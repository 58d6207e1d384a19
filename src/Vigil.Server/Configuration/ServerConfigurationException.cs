namespace Vigil.Server.Configuration;

/// <summary>A configuration the server cannot start with; the message names the file and the setting.</summary>
internal sealed class ServerConfigurationException : Exception
{
    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    public ServerConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ServerConfigurationException()
    {
    }
}
