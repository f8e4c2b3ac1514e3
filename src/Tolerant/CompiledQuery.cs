using System;
using Tolerant.Compilation;

namespace Tolerant;

/// <summary>
/// Queries whose shape is built once, with <see cref="Arg{TValue}"/> where a value goes, and then run many times with
/// values: a run allocates no condition or assignment and finds its text by reference instead of hashing its shape, so
/// its cost beyond the command and its parameters is a loop over typed binders. The one rule, the skipped columns and
/// the retry after a schema change are those of the same query built per call, and so is the text, which still
/// follows the columns the database has.
/// </summary>
/// <example>
/// <code>
/// static readonly CompiledSelect&lt;UserSession, Guid&gt; ById =
///     CompiledQuery.Select&lt;UserSession, Guid&gt;((query, id) =&gt; query.Where(UserSession.Columns.Id.Eq(id)));
///
/// static readonly CompiledUpdate&lt;UserSession, (Guid Id, DateTimeOffset Now)&gt; Touch =
///     CompiledQuery.Update&lt;UserSession, (Guid Id, DateTimeOffset Now)&gt;((update, args) =&gt; update
///         .Set(UserSession.Columns.UpdatedAt, args.Get(a =&gt; a.Now))
///         .Where(UserSession.Columns.Id.Eq(args.Get(a =&gt; a.Id))));
///
/// var session = await ById.FirstOrDefaultAsync(sessions, id);
/// await Touch.ExecuteAsync(sessions, (id, DateTimeOffset.UtcNow));
/// </code>
/// </example>
public static class CompiledQuery
{
    /// <summary>Compiles the SELECT <paramref name="build"/> makes from an empty query and the argument.</summary>
    /// <typeparam name="T">The mapped record type.</typeparam>
    /// <typeparam name="TArgs">What each run takes: one value, or a tuple or record of them.</typeparam>
    /// <param name="build">Builds the query once; values that vary per run come from the <see cref="Arg{TValue}"/> it is given.</param>
    public static CompiledSelect<T, TArgs> Select<T, TArgs>(Func<SelectQuery<T>, Arg<TArgs>, SelectQuery<T>> build)
        where T : ISqlTable<T>
    {
        ArgumentNullException.ThrowIfNull(build);
        return new CompiledSelect<T, TArgs>(build(default, Whole<TArgs>()));
    }

    /// <summary>Compiles the UPDATE <paramref name="build"/> makes; it must set a column and choose rows, as a direct update must.</summary>
    /// <typeparam name="T">The mapped record type.</typeparam>
    /// <typeparam name="TArgs">What each run takes: one value, or a tuple or record of them.</typeparam>
    /// <param name="build">Builds the update once; values that vary per run come from the <see cref="Arg{TValue}"/> it is given.</param>
    public static CompiledUpdate<T, TArgs> Update<T, TArgs>(Func<UpdateQuery<T>, Arg<TArgs>, UpdateQuery<T>> build)
        where T : ISqlTable<T>
    {
        ArgumentNullException.ThrowIfNull(build);
        return new CompiledUpdate<T, TArgs>(build(default, Whole<TArgs>()));
    }

    /// <summary>Compiles the DELETE <paramref name="build"/> makes; it must choose rows, as a direct delete must.</summary>
    /// <typeparam name="T">The mapped record type.</typeparam>
    /// <typeparam name="TArgs">What each run takes: one value, or a tuple or record of them.</typeparam>
    /// <param name="build">Builds the delete once; values that vary per run come from the <see cref="Arg{TValue}"/> it is given.</param>
    public static CompiledDelete<T, TArgs> Delete<T, TArgs>(Func<DeleteQuery<T>, Arg<TArgs>, DeleteQuery<T>> build)
        where T : ISqlTable<T>
    {
        ArgumentNullException.ThrowIfNull(build);
        return new CompiledDelete<T, TArgs>(build(default, Whole<TArgs>()));
    }

    private static Arg<TArgs> Whole<TArgs>() => new(ArgSource<TArgs, TArgs>.Whole());
}
