using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>
/// The commands kept for one connection by the tables bound to it (<see cref="Table{T}.On"/>), by statement text,
/// and sent again with new values: after the first call a statement costs what a hand-written command prepared once
/// and reused costs — no new command, no new parameters, no lookup of the text among the connection's prepared
/// statements.
/// </summary>
/// <remarks>
/// <para>
/// One store per connection, shared by every table bound to it: after a <see cref="NpgsqlConnection.UnprepareAll"/>
/// every kept command on the connection is stale (Npgsql's commands do not learn that their statements were
/// deallocated, and the names are reused), so <see cref="ClearBeforeNextUse"/> must reach them all.
/// </para>
/// <para>
/// A connection runs one statement at a time, so the store serves one caller at a time; a caller arriving while a
/// command is out (misuse, or a streaming read still open) gets a command of its own instead, which Npgsql then
/// refuses or runs as it would without the store. Texts come from the capabilities' statement cache, which returns
/// one string instance per shape, so they are compared by reference. A command whose statement failed is dropped:
/// its parameters may be half bound, or its text stale after a schema change.
/// </para>
/// <para>
/// A statement with a <see cref="DateTime"/> parameter is never kept: Npgsql types such a parameter by each value's
/// <see cref="DateTime.Kind"/> (<c>timestamptz</c> for UTC, <c>timestamp</c> otherwise), while a kept command stays
/// prepared with the types of its first call and would send later values under them. A new command per call lets
/// Npgsql match the prepared statement to each call's types, as an unbound table does.
/// </para>
/// </remarks>
internal sealed class BoundCommands
{
    // Enough for the statements the units of work on one connection send; beyond it (a schema changing over and
    // over, or endless shapes) the store starts again rather than grow.
    private const int Capacity = 64;

    private static readonly ConditionalWeakTable<NpgsqlConnection, BoundCommands> Stores = new();

    // A null value marks a text whose commands are not kept (a DateTime parameter).
    private readonly Dictionary<string, NpgsqlCommand?> _commands = new(ReferenceEqualityComparer.Instance);
    private readonly NpgsqlConnection _connection;
    private int _rented;
    private bool _succeeded;
    private bool _createdForThisRent;
    private volatile bool _clearRequested;

    private BoundCommands(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Commands created for this connection's statements so far (kept or not): tests read it to see reuse.</summary>
    internal int CommandsCreated { get; private set; }

    /// <summary>The store of <paramref name="connection"/>, created with its first bound table.</summary>
    public static BoundCommands For(NpgsqlConnection connection) => Stores.GetValue(connection, static c => new BoundCommands(c));

    /// <summary>
    /// A command for <paramref name="sql"/> inside <paramref name="transaction"/>: the kept one with its parameters,
    /// or a new one without.
    /// </summary>
    public CommandLease Rent(string sql, NpgsqlTransaction? transaction)
    {
        if (Interlocked.Exchange(ref _rented, 1) != 0)
        {
            return new CommandLease(Create(sql, transaction), owner: null);
        }

        if (_clearRequested)
        {
            _clearRequested = false;
            Clear();
        }

        if (_commands.TryGetValue(sql, out var command))
        {
            if (command is null)
            {
                Volatile.Write(ref _rented, 0);
                return new CommandLease(Create(sql, transaction), owner: null);
            }

            // Tables bound for successive units of work share the store; each brings its own transaction.
            if (!ReferenceEquals(command.Transaction, transaction))
            {
                command.Transaction = transaction;
            }

            return new CommandLease(command, this);
        }

        if (_commands.Count >= Capacity)
        {
            Clear();
        }

        command = Create(sql, transaction);
        _commands.Add(sql, command);
        _createdForThisRent = true;
        return new CommandLease(command, this);
    }

    /// <summary>Marks the rented command's statement as run, so <see cref="Return"/> keeps it.</summary>
    public void Succeeded() => _succeeded = true;

    /// <summary>Takes the rented <paramref name="command"/> back; keeps it for the next call only when its statement ran.</summary>
    public void Return(NpgsqlCommand command)
    {
        if (!_succeeded)
        {
            _commands.Remove(command.CommandText);
            command.Dispose();
        }
        else if (_createdForThisRent && HasTypeFollowingValue(command.Parameters))
        {
            // Decided once, when the command is first kept; a kept command's parameters never change type.
            _commands[command.CommandText] = null;
            command.Dispose();
        }

        _succeeded = false;
        _createdForThisRent = false;
        Volatile.Write(ref _rented, 0);
    }

    /// <summary>
    /// Drops every kept command before the next statement: after <see cref="NpgsqlConnection.UnprepareAll"/> their
    /// prepared names are gone (and reused). Deferred to the next <see cref="Rent"/>, which holds the store.
    /// </summary>
    public void ClearBeforeNextUse() => _clearRequested = true;

    private static bool HasTypeFollowingValue(NpgsqlParameterCollection parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i] is NpgsqlParameter<DateTime> or NpgsqlParameter<DateTime?> or NpgsqlParameter<DateTime[]> or NpgsqlParameter<DateTime?[]>)
            {
                return true;
            }
        }

        return false;
    }

    private NpgsqlCommand Create(string sql, NpgsqlTransaction? transaction)
    {
        CommandsCreated++;
        return new NpgsqlCommand(sql, _connection, transaction);
    }

    private void Clear()
    {
        foreach (var command in _commands.Values)
        {
            command?.Dispose();
        }

        _commands.Clear();
    }
}
