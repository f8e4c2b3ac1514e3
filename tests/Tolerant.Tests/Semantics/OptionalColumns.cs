using System;
using System.Collections.Generic;
using System.Text;
using Tolerant.Tests.Models;
using Xunit;

namespace Tolerant.Tests.Semantics;

/// <summary>Which of migration 015's columns a database has. A theory argument, so its name is the test case's name.</summary>
[Flags]
public enum OptionalColumns
{
    None = 0,
    IsActive = 1,
    UpdatedAt = 2,
    LogoutAt = 4,
}

/// <summary>The session table at migration 003 plus some of 015's columns, as SQL and as column names.</summary>
public static class SessionTableLevels
{
    public const OptionalColumns All = OptionalColumns.IsActive | OptionalColumns.UpdatedAt | OptionalColumns.LogoutAt;

    /// <summary>Every subset of the optional columns (2^3), for theories that must hold at each migration level.</summary>
    public static TheoryData<OptionalColumns> EveryLevel =>
    [
        OptionalColumns.None,
        OptionalColumns.IsActive,
        OptionalColumns.UpdatedAt,
        OptionalColumns.LogoutAt,
        OptionalColumns.IsActive | OptionalColumns.UpdatedAt,
        OptionalColumns.IsActive | OptionalColumns.LogoutAt,
        OptionalColumns.UpdatedAt | OptionalColumns.LogoutAt,
        All,
    ];

    /// <summary>Drops and recreates the table at 003 plus <paramref name="present"/>, each column added with its declared default.</summary>
    public static string Recreate(OptionalColumns present)
    {
        var sql = new StringBuilder(SessionSchema.Drop).Append(SessionSchema.Migration003);
        if ((present & OptionalColumns.IsActive) != 0)
        {
            sql.Append(SessionSchema.AddIsActive);
        }

        if ((present & OptionalColumns.UpdatedAt) != 0)
        {
            sql.Append(SessionSchema.AddUpdatedAt);
        }

        if ((present & OptionalColumns.LogoutAt) != 0)
        {
            sql.Append(SessionSchema.AddLogoutAt);
        }

        return sql.ToString();
    }

    /// <summary>The SQL names of <paramref name="columns"/>, in the model's ordinal order.</summary>
    public static string[] Names(OptionalColumns columns)
    {
        var names = new List<string>(3);
        foreach (var column in Columns(columns))
        {
            names.Add(column.Name);
        }

        return names.ToArray();
    }

    /// <summary>The descriptors of <paramref name="columns"/>, in the model's ordinal order.</summary>
    public static IReadOnlyList<Column<UserSession>> Columns(OptionalColumns columns)
    {
        var list = new List<Column<UserSession>>(3);
        if ((columns & OptionalColumns.IsActive) != 0)
        {
            list.Add(UserSession.Columns.IsActive);
        }

        if ((columns & OptionalColumns.UpdatedAt) != 0)
        {
            list.Add(UserSession.Columns.UpdatedAt);
        }

        if ((columns & OptionalColumns.LogoutAt) != 0)
        {
            list.Add(UserSession.Columns.LogoutAt);
        }

        return list;
    }
}
