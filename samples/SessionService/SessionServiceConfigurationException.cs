using System;

namespace SessionService;

/// <summary>The service is configured in a way it cannot run with; the message says what to set.</summary>
public sealed class SessionServiceConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SessionServiceConfigurationException(string message)
        : base(message)
    {
    }
}
