using System.Threading;
using System.Threading.Tasks;
using Tolerant.Catalog;

namespace Tolerant.Execution;

/// <summary>
/// The per-catalog state of one table, shared by every <see cref="Table{T}"/> view of it: the capabilities derived
/// from the catalog's latest answer. Capabilities whose column set did not change are kept, with the SQL text built
/// for them, across probes.
/// </summary>
internal sealed class TableState<T>
    where T : ISqlTable<T>
{
    private readonly SchemaCatalog _catalog;
    private readonly Lock _gate = new();
    private Current? _current;

    public TableState(SchemaCatalog catalog, TableKey key)
    {
        _catalog = catalog;
        Key = key;
    }

    public TableKey Key { get; }

    public ValueTask<(TableCapabilities<T> Capabilities, CatalogSnapshot Snapshot)> GetAsync(CancellationToken cancellationToken)
    {
        var snapshotTask = _catalog.GetSnapshotAsync(Key, cancellationToken);
        var current = Volatile.Read(ref _current);
        if (snapshotTask.IsCompletedSuccessfully && current is not null && ReferenceEquals(current.Snapshot, snapshotTask.Result))
        {
            return new ValueTask<(TableCapabilities<T>, CatalogSnapshot)>((current.Capabilities, current.Snapshot));
        }

        return Slow(snapshotTask);

        async ValueTask<(TableCapabilities<T>, CatalogSnapshot)> Slow(ValueTask<CatalogSnapshot> pending)
        {
            var snapshot = await pending.ConfigureAwait(false);
            return (Update(snapshot), snapshot);
        }
    }

    private TableCapabilities<T> Update(CatalogSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_current is { } current && ReferenceEquals(current.Snapshot, snapshot))
            {
                return current.Capabilities;
            }

            var columns = snapshot.Tables[Key];
            var definition = T.Definition;
            var present = new bool[definition.Columns.Count];
            foreach (var column in definition.Columns)
            {
                present[column.Ordinal] = columns?.Contains(column.Name) == true;
            }

            var previous = _current?.Capabilities;
            var capabilities = previous is not null && previous.HasSamePresence(columns is not null, present)
                ? previous
                : new TableCapabilities<T>(columns is not null, present);
            if (!ReferenceEquals(capabilities, previous))
            {
                Report(capabilities, previous);
            }

            Volatile.Write(ref _current, new Current(snapshot, capabilities));
            return capabilities;
        }
    }

    /// <summary>Logs a change of capabilities once, when it is seen, never per statement.</summary>
    private void Report(TableCapabilities<T> capabilities, TableCapabilities<T>? previous)
    {
        var logger = _catalog.Logger;
        var table = capabilities.Table.DisplayName;
        if (!capabilities.TableExists)
        {
            if (capabilities.Table.IsOptional)
            {
                Log.OptionalTableMissing(logger, table);
            }
            else
            {
                Log.RequiredTableMissing(logger, table);
            }

            return;
        }

        if (capabilities.MissingRequired.Count > 0)
        {
            Log.MissingRequiredColumns(logger, table, TableCapabilities<T>.Names(capabilities.MissingRequired));
        }

        if (capabilities.MissingOptional.Count > 0)
        {
            Log.MissingOptionalColumns(logger, table, TableCapabilities<T>.Names(capabilities.MissingOptional));
        }
        else if (previous is not null && capabilities.MissingRequired.Count == 0)
        {
            Log.ColumnsComplete(logger, table);
        }
    }

    private sealed record Current(CatalogSnapshot Snapshot, TableCapabilities<T> Capabilities);
}
