using System.Linq;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Emitting;

/// <summary>
/// Writes the row reader: one ordinal read per column with the getter of its type, no boxing, no branching on
/// which columns exist (the SELECT always projects every column, missing ones as their default literal).
/// </summary>
internal static class ReaderEmitter
{
    public static void Emit(SourceWriter writer, TableModel table)
    {
        var self = table.FullyQualifiedName;
        var positional = table.Columns.Where(c => c.IsConstructorParameter).ToList();
        var initialized = table.Columns.Where(c => !c.IsConstructorParameter).ToList();

        writer.Line("/// <inheritdoc />");
        var signature = $"static {self} global::Tolerant.ISqlTable<{self}>.ReadRow(global::Npgsql.NpgsqlDataReader reader) => new(";
        if (positional.Count == 0)
        {
            writer.Line(signature + ")");
        }
        else
        {
            writer.Line(signature);
            writer.Indent();
            for (var i = 0; i < positional.Count; i++)
            {
                writer.Line(Read(positional[i]) + (i == positional.Count - 1 ? (initialized.Count == 0 ? ");" : ")") : ","));
            }

            writer.Unindent();
        }

        if (initialized.Count == 0)
        {
            return;
        }

        writer.Line("{");
        writer.Indent();
        foreach (var column in initialized)
        {
            writer.Line($"{CSharpText.Identifier(column.PropertyName)} = {Read(column)},");
        }

        writer.Unindent();
        writer.Line("};");
    }

    private static string Read(ColumnModel column)
    {
        var ordinal = column.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var read = Getter(column, ordinal);
        return column.IsNullable ? $"reader.IsDBNull({ordinal}) ? null : {read}" : read;
    }

    private static string Getter(ColumnModel column, string ordinal)
    {
        var read = column.Kind switch
        {
            ValueKind.Boolean => $"reader.GetBoolean({ordinal})",
            ValueKind.Int16 => $"reader.GetInt16({ordinal})",
            ValueKind.Int32 => $"reader.GetInt32({ordinal})",
            ValueKind.Int64 => $"reader.GetInt64({ordinal})",
            ValueKind.Single => $"reader.GetFloat({ordinal})",
            ValueKind.Double => $"reader.GetDouble({ordinal})",
            ValueKind.Decimal => $"reader.GetDecimal({ordinal})",
            ValueKind.String => $"reader.GetString({ordinal})",
            ValueKind.Guid => $"reader.GetGuid({ordinal})",
            ValueKind.DateTime => $"reader.GetDateTime({ordinal})",
            ValueKind.TimeSpan => $"reader.GetTimeSpan({ordinal})",
            _ => $"reader.GetFieldValue<{NonNullable(column.ClrType)}>({ordinal})",
        };
        return column.IsEnum ? $"({NonNullable(column.ClrType)}){read}" : read;
    }

    internal static string NonNullable(string clrType) => clrType.EndsWith("?") ? clrType.Substring(0, clrType.Length - 1) : clrType;
}
