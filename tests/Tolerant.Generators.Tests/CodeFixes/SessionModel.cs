namespace Tolerant.Generators.Tests.CodeFixes;

/// <summary>The mapped tables the raw-SQL fix tests query, in a file of their own that no fix changes.</summary>
internal static class SessionModel
{
    public const string Path = "/0/Model.cs";

    public const string Source = """
        using System;
        using Tolerant;

        namespace SessionService;

        [SqlTable("shared.user_sessions")]
        public sealed partial record UserSession
        {
            [SqlKey] public Guid Id { get; init; }

            public Guid UserId { get; init; }

            public DateTimeOffset CreatedAt { get; init; }

            public DateTimeOffset? ExpiresAt { get; init; }

            [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;

            [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }

            [OptionalColumn(Since = "015")] public DateTimeOffset? LogoutAt { get; init; }
        }

        [SqlTable("shared.users")]
        public sealed partial record User
        {
            [SqlKey] public Guid Id { get; init; }

            [OptionalColumn(Since = "016")] public string? Email { get; init; }
        }
        """;
}
