using System;

namespace Tolerant;

/// <summary>
/// Declares that a method uses columns of <see cref="Table"/> in raw SQL and must only be called where they exist.
/// The Tolerant analyzer then accepts the method's own raw SQL naming those columns (TOL1001) and checks each call
/// site instead: a call must be guarded by <c>caps.Has(...)</c>, <c>caps.Require(...)</c>, or sit in another method
/// that requires the same columns.
/// </summary>
/// <example>
/// <code>
/// [RequiresColumns(typeof(UserSession), nameof(UserSession.LogoutAt))]
/// static Task&lt;int&gt; CountLogoutsAsync(NpgsqlDataSource db) => ...("SELECT count(*) FROM shared.user_sessions WHERE logout_at IS NOT NULL");
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = true, Inherited = false)]
public sealed class RequiresColumnsAttribute : Attribute
{
    /// <summary>Declares the columns of <paramref name="table"/> the method needs, by property name.</summary>
    /// <param name="table">A <c>[SqlTable]</c> type.</param>
    /// <param name="properties">The mapped properties whose columns the method uses; write them with <c>nameof</c>.</param>
    public RequiresColumnsAttribute(Type table, params string[] properties)
    {
        Table = table;
        Properties = properties;
    }

    /// <summary>The <c>[SqlTable]</c> type whose columns the method needs.</summary>
    public Type Table { get; }

    /// <summary>The mapped properties whose columns the method uses.</summary>
    public string[] Properties { get; }
}
