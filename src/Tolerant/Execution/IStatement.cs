using Npgsql;
using Tolerant.Querying;

namespace Tolerant.Execution;

/// <summary>
/// A statement's text at the capabilities of the moment and how its parameters are filled: a query built per call
/// (<see cref="QueryStatement{T}"/>), or a compiled one with this run's arguments (<c>CompiledStatement</c>). The
/// operations take it as a struct type parameter, so each form gets its own code with no interface call.
/// </summary>
internal interface IStatement<T>
    where T : ISqlTable<T>
{
    /// <summary>The text sent at <paramref name="capabilities"/>.</summary>
    string Sql(TableCapabilities<T> capabilities);

    /// <summary>Fills the parameters in the order the text numbers them.</summary>
    void Bind(NpgsqlParameterCollection parameters, TableCapabilities<T> capabilities);
}

/// <summary>An UPDATE: also its assignments (for the columns it skips) and whether a skipped value loses anything.</summary>
internal interface IUpdateStatement<T> : IStatement<T>
    where T : ISqlTable<T>
{
    /// <summary>The last assignment, linked to the earlier ones.</summary>
    Assignment<T> Assignments { get; }

    /// <summary>Whether <paramref name="assignment"/>, the <paramref name="position"/>th made (from zero), sets its column's declared default.</summary>
    bool IsDeclaredDefault(Assignment<T> assignment, int position);
}

/// <summary>A SELECT, count or DELETE built per call: its text is found by its key, its values are in its condition.</summary>
internal readonly struct QueryStatement<T>(StatementKey<T> key, int? limit = null, int? offset = null) : IStatement<T>
    where T : ISqlTable<T>
{
    public string Sql(TableCapabilities<T> capabilities) => capabilities.Statements.Get(key);

    /// <summary>The condition's values, then the limit and offset.</summary>
    public void Bind(NpgsqlParameterCollection parameters, TableCapabilities<T> capabilities)
    {
        var index = 0;
        key.Where?.Bind(parameters, ref index);
        if (key.HasLimit)
        {
            ParameterSlots.BindCount(parameters, ref index, limit ?? 0);
        }

        if (key.HasOffset)
        {
            ParameterSlots.BindCount(parameters, ref index, offset ?? 0);
        }
    }
}
