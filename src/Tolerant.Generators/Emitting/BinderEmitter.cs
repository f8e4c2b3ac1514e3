using System.Linq;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Emitting;

/// <summary>
/// Writes the per-row binders: from a row and an ordinal to a typed parameter (new, or an existing one given the
/// row's value), a COPY field, or whether the value equals the declared default. Each delegates to the column descriptor, where the typed work lives once.
/// </summary>
internal static class BinderEmitter
{
    public static void Emit(SourceWriter writer, TableModel table)
    {
        var self = table.FullyQualifiedName;
        EmitSwitch(
            writer,
            table,
            $"static global::Npgsql.NpgsqlParameter global::Tolerant.ISqlTable<{self}>.CreateParameter(int ordinal, {self} row)",
            column => $"Columns.{Name(column)}.CreateParameter(row.{Name(column)})",
            fallback: "throw new global::System.ArgumentOutOfRangeException(nameof(ordinal))",
            onlyOptional: false);
        writer.Line();
        EmitSwitch(
            writer,
            table,
            $"static global::Npgsql.NpgsqlParameter global::Tolerant.ISqlTable<{self}>.AssignParameter(int ordinal, {self} row, global::Npgsql.NpgsqlParameter parameter)",
            column => $"Columns.{Name(column)}.AssignParameter(parameter, row.{Name(column)})",
            fallback: "throw new global::System.ArgumentOutOfRangeException(nameof(ordinal))",
            onlyOptional: false);
        writer.Line();
        EmitSwitch(
            writer,
            table,
            $"static global::System.Threading.Tasks.Task global::Tolerant.ISqlTable<{self}>.WriteColumnAsync(global::Npgsql.NpgsqlBinaryImporter importer, int ordinal, {self} row, global::System.Threading.CancellationToken cancellationToken)",
            column => $"Columns.{Name(column)}.WriteAsync(importer, row.{Name(column)}, cancellationToken)",
            fallback: "throw new global::System.ArgumentOutOfRangeException(nameof(ordinal))",
            onlyOptional: false);
        writer.Line();
        EmitSwitch(
            writer,
            table,
            $"static bool global::Tolerant.ISqlTable<{self}>.IsDeclaredDefault(int ordinal, {self} row)",
            column => $"Columns.{Name(column)}.IsDeclaredDefault(row.{Name(column)})",
            fallback: "false",
            onlyOptional: true);
    }

    private static void EmitSwitch(
        SourceWriter writer, TableModel table, string signature, System.Func<ColumnModel, string> arm, string fallback, bool onlyOptional)
    {
        var columns = table.Columns.Where(c => !onlyOptional || c.IsOptional).ToList();
        writer.Line("/// <inheritdoc />");
        if (columns.Count == 0)
        {
            writer.Line($"{signature} => {fallback};");
            return;
        }

        writer.Line($"{signature} => ordinal switch");
        writer.Line("{");
        writer.Indent();
        foreach (var column in columns)
        {
            writer.Line($"{column.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)} => {arm(column)},");
        }

        writer.Line($"_ => {fallback},");
        writer.Unindent();
        writer.Line("};");
    }

    private static string Name(ColumnModel column) => CSharpText.Identifier(column.PropertyName);
}
