using System.Collections.Generic;
using System.Threading;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>
/// The commands of a table bound to one connection (<see cref="Table{T}.On"/>), kept by statement text and sent
/// again with new values: after the first call a statement costs what a hand-written command prepared once and
/// reused costs — no new command, no new parameters, no lookup of the text among the connection's prepared
/// statements.
/// </summary>
/// <remarks>
/// A connection runs one statement at a time, so the cache serves one caller at a time; a second caller arriving
/// while a command is out (misuse, or a streaming read still open) gets a command of its own instead, which Npgsql
/// then refuses or runs as it would without the cache. Texts come from the capabilities' statement cache, which
/// returns one string instance per shape, so they are compared by reference. A command whose statement failed is
/// dropped rather than kept: its parameters may be half bound, or its text stale after a schema change.
/// </remarks>
internal sealed class BoundCommands(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    // Enough for the statements one unit of work sends; beyond it (a schema changing over and over, or endless
    // shapes) the cache starts again rather than grow.
    private const int Capacity = 32;

    private readonly Dictionary<string, NpgsqlCommand> _commands = new(ReferenceEqualityComparer.Instance);
    private int _rented;
    private bool _succeeded;

    /// <summary>A command for <paramref name="sql"/>: the kept one with its parameters, or a new one without.</summary>
    public CommandLease Rent(string sql)
    {
        if (Interlocked.Exchange(ref _rented, 1) != 0)
        {
            return new CommandLease(new NpgsqlCommand(sql, connection, transaction), owner: null);
        }

        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= Capacity)
            {
                Clear();
            }

            command = new NpgsqlCommand(sql, connection, transaction);
            _commands.Add(sql, command);
        }

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

        _succeeded = false;
        Volatile.Write(ref _rented, 0);
    }

    /// <summary>Drops every kept command: after <see cref="NpgsqlConnection.UnprepareAll"/> their prepared names are gone.</summary>
    public void Clear()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
