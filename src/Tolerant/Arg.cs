using System;
using Tolerant.Compilation;

namespace Tolerant;

/// <summary>
/// A value a compiled query receives each time it runs, standing where a constant would stand in a query built per
/// call: <c>Columns.Id.Eq(id)</c>, <c>Set(Columns.UpdatedAt, args.Get(a =&gt; a.Now))</c>. The builder of
/// <see cref="CompiledQuery"/> hands out the whole argument; <see cref="Get{TMember}"/> reaches into a tuple or record.
/// </summary>
/// <typeparam name="TValue">The type of the value.</typeparam>
/// <remarks>
/// A struct, so <c>Eq(null)</c> still means <c>IS NULL</c> and never resolves to this overload. Use an argument only in
/// the builder that handed it out: a query compiled for another argument type refuses it when compiled, and a query
/// built per call refuses it when it would bind a value (its <c>ToSql</c> still shows the text).
/// </remarks>
public readonly struct Arg<TValue>
{
    private readonly ArgSource<TValue>? _source;

    internal Arg(ArgSource<TValue> source) => _source = source;

    /// <summary>The part of this argument that <paramref name="member"/> reads, e.g. <c>args.Get(a =&gt; a.UserId)</c>.</summary>
    /// <typeparam name="TMember">The type of the part.</typeparam>
    /// <param name="member">
    /// Reads the part each time the statement's values are bound — after the connection is open, and again if the
    /// statement is retried after a schema change — so keep it a plain member access, and leave the arguments (an
    /// array given to <c>In</c>, say) unchanged until the call completes.
    /// </param>
    public Arg<TMember> Get<TMember>(Func<TValue, TMember> member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new Arg<TMember>(Source.Then(member));
    }

    /// <summary>Where the value comes from when the compiled query runs.</summary>
    internal ArgSource<TValue> Source =>
        _source ?? throw new InvalidOperationException(
            $"default(Arg<{ClrTypeNames.Display(typeof(TValue))}>) stands for no value: use the argument CompiledQuery's builder hands out.");

    /// <inheritdoc />
    public override string ToString() => $"Arg<{ClrTypeNames.Display(typeof(TValue))}>";
}
