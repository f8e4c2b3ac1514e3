using System;

namespace Tolerant.Compilation;

/// <summary>
/// Where an <see cref="Arg{TValue}"/>'s value comes from, without saying from which argument type: conditions and
/// assignments hold it as they hold a value, and the compiled query asks it for the reader typed to its arguments.
/// </summary>
internal abstract class ArgSource<TValue>
{
    /// <summary>The source of a part of this value.</summary>
    public abstract ArgSource<TMember> Then<TMember>(Func<TValue, TMember> member);

    /// <summary>This source as a reader of <typeparamref name="TArgs"/>; throws when it belongs to another compiled query's arguments.</summary>
    public ArgSource<TArgs, TValue> For<TArgs>() =>
        this as ArgSource<TArgs, TValue> ?? throw new InvalidOperationException(
            $"An Arg<{ClrTypeNames.Display(typeof(TValue))}> from another compiled query's builder was used in a query compiled for arguments of type {ClrTypeNames.Display(typeof(TArgs))}.");
}

/// <summary>Reads a <typeparamref name="TValue"/> out of the arguments a compiled query runs with.</summary>
internal sealed class ArgSource<TArgs, TValue>(Func<TArgs, TValue> read, bool isWhole) : ArgSource<TValue>
{
    /// <summary>The whole argument: what the builder hands out.</summary>
    public static ArgSource<TArgs, TArgs> Whole() => new(static args => args, isWhole: true);

    public TValue Read(in TArgs args) => read(args);

    public override ArgSource<TMember> Then<TMember>(Func<TValue, TMember> member)
    {
        if (isWhole)
        {
            // TValue is TArgs: read the member straight from the arguments, one delegate call per run instead of two.
            return new ArgSource<TArgs, TMember>((Func<TArgs, TMember>)(object)member, isWhole: false);
        }

        var outer = read;
        return new ArgSource<TArgs, TMember>(args => member(outer(args)), isWhole: false);
    }
}
