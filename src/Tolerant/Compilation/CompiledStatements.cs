using Npgsql;
using Tolerant.Execution;
using Tolerant.Querying;

namespace Tolerant.Compilation;

/// <summary>A compiled SELECT, count or DELETE with one run's arguments: its binders fill the parameters in order.</summary>
internal readonly struct CompiledStatement<T, TArgs>(CompiledText<T> text, ParameterBinder<TArgs>[] binders, TArgs args) : IStatement<T>
    where T : ISqlTable<T>
{
    private readonly TArgs _args = args;

    public string Sql(TableCapabilities<T> capabilities) => text.Get(capabilities);

    public void Bind(NpgsqlParameterCollection parameters, TableCapabilities<T> capabilities)
    {
        var index = 0;
        foreach (var binder in binders)
        {
            binder.Bind(parameters, ref index, in _args);
        }
    }
}

/// <summary>A compiled UPDATE with one run's arguments.</summary>
internal readonly struct CompiledUpdateStatement<T, TArgs>(CompiledUpdate<T, TArgs> update, TArgs args) : IUpdateStatement<T>
    where T : ISqlTable<T>
{
    private readonly TArgs _args = args;

    public Assignment<T> Assignments => update.Assignments;

    public string Sql(TableCapabilities<T> capabilities) => update.Text.Get(capabilities);

    /// <summary>The present assignments' values (in the order they were set), then the condition's.</summary>
    public void Bind(NpgsqlParameterCollection parameters, TableCapabilities<T> capabilities)
    {
        var index = 0;
        foreach (var assignment in update.AssignmentBinders)
        {
            if (capabilities.Has(assignment.Column))
            {
                assignment.Bind(parameters, ref index, in _args);
            }
        }

        foreach (var binder in update.ConditionBinders)
        {
            binder.Bind(parameters, ref index, in _args);
        }
    }

    public bool IsDeclaredDefault(Assignment<T> assignment, int position) => update.AssignmentBinders[position].IsDeclaredDefault(in _args);
}
