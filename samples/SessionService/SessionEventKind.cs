namespace SessionService;

/// <summary>What happened to a session. Stored as its number (<c>smallint</c>), so renaming a member breaks no row.</summary>
public enum SessionEventKind : short
{
    /// <summary>The user logged in: the session was created.</summary>
    Login = 1,

    /// <summary>The user logged out of this session.</summary>
    Logout = 2,

    /// <summary>The session was ended by a revocation of all the user's sessions.</summary>
    Revoked = 3,
}
