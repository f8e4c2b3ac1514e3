using System;
using System.Threading.Tasks;
using Npgsql;

namespace Tolerant.Execution;

/// <summary>
/// A command for one statement. Disposed at the end of the operation: a command of its own is disposed; one kept by
/// a bound table goes back to its <see cref="BoundCommands"/>, kept for the next call when <see cref="Succeeded"/>
/// was called and dropped otherwise.
/// </summary>
internal readonly struct CommandLease(NpgsqlCommand command, BoundCommands? owner) : IAsyncDisposable
{
    public NpgsqlCommand Command => command;

    /// <summary>The statement ran: the command, its text and its parameters are good to send again.</summary>
    public void Succeeded() => owner?.Succeeded();

    public ValueTask DisposeAsync()
    {
        if (owner is null)
        {
            return command.DisposeAsync();
        }

        owner.Return(command);
        return ValueTask.CompletedTask;
    }
}
