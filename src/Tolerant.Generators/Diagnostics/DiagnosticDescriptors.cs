using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Diagnostics;

/// <summary>
/// Every descriptor Tolerant reports. Each ID is documented at <c>docs/rules/ID.md</c> and tracked in
/// <c>AnalyzerReleases.*.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string ModelCategory = "Tolerant.Model";
    private const string HelpLinkBase = "https://github.com/tolerant-dotnet/tolerant/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor AnalyzerFailure = Create(
        DiagnosticIds.AnalyzerFailure,
        "Tolerant could not analyze a type",
        "Tolerant could not analyze '{0}': {1}. Please report this with the declaration that caused it.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        DiagnosticIds.TypeNotPartial,
        "A [SqlTable] type and its containing types must be partial",
        "'{0}' must be declared partial so that Tolerant can generate its columns and row reader",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GenericType = Create(
        DiagnosticIds.GenericType,
        "A [SqlTable] type cannot be generic",
        "'{0}' is generic or nested in a generic type; a table maps one closed type, so declare a non-generic type for it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Create(
        DiagnosticIds.UnsupportedPropertyType,
        "The property's type has no PostgreSQL mapping",
        "Property '{0}' of type '{1}' has no default PostgreSQL mapping; name the column type with [SqlColumn(TypeName = \"...\")] if Npgsql can read and write it, or mark the property [SqlIgnore]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateColumnName = Create(
        DiagnosticIds.DuplicateColumnName,
        "Two properties map to the same column",
        "Properties '{0}' and '{1}' both map to column \"{2}\"; give one of them another name with [SqlColumn(\"...\")]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoMappedColumns = Create(
        DiagnosticIds.NoMappedColumns,
        "A [SqlTable] type maps no columns",
        "'{0}' maps no columns; declare public instance properties for the columns of {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTableName = Create(
        DiagnosticIds.InvalidTableName,
        "The table name is not valid",
        "\"{0}\" is not a valid table name: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OptionalColumnNeedsDefault = Create(
        DiagnosticIds.OptionalColumnNeedsDefault,
        "A non-nullable optional column needs a Default",
        "Optional column \"{0}\" maps to non-nullable property '{1}', so rows read while the column is missing need a value: declare the migration's default with [OptionalColumn(Default = \"...\")] or make the property nullable",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidDefaultLiteral = Create(
        DiagnosticIds.InvalidDefaultLiteral,
        "The Default is not a SQL literal of the column's type",
        "Default {0} of column \"{1}\" is not a SQL literal of type {2}: {3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor KeyColumnIsOptional = Create(
        DiagnosticIds.KeyColumnIsOptional,
        "A key column cannot be optional",
        "Key column \"{0}\" is marked [OptionalColumn]; rows are updated and deleted by their key, so the key must exist at every migration",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TableHasNoKey = Create(
        DiagnosticIds.TableHasNoKey,
        "The table declares no key",
        "'{0}' declares no [SqlKey] column; updates and deletes must name their rows with Where(...)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidColumnName = Create(
        DiagnosticIds.InvalidColumnName,
        "The column name is not valid",
        "\"{0}\" is not a valid column name for property '{1}': {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MemberNameConflict = Create(
        DiagnosticIds.MemberNameConflict,
        "A member's name conflicts with generated code",
        "'{0}' declares a member named '{1}', which Tolerant generates; rename the member",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PropertyNotWritable = Create(
        DiagnosticIds.PropertyNotWritable,
        "A mapped property must be settable",
        "Property '{0}' has no set or init accessor, so rows read from the table cannot fill it; add 'init' or mark it [SqlIgnore]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedTypeKind = Create(
        DiagnosticIds.UnsupportedTypeKind,
        "This kind of type cannot map a table",
        "'{0}' is {1}; a [SqlTable] type must be a record, class or struct that rows can be read into",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTypeName = Create(
        DiagnosticIds.InvalidTypeName,
        "The column's TypeName is not valid",
        "TypeName \"{0}\" of property '{1}' is not a PostgreSQL type name: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotConstructible = Create(
        DiagnosticIds.NotConstructible,
        "Rows cannot be read into the type",
        "'{0}' cannot be built from a row: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UncheckedOptionalColumn = Create(
        DiagnosticIds.UncheckedOptionalColumn,
        "Raw SQL uses an optional column without checking that it exists",
        "{0} optional column \"{1}\" of {2}{3} without checking that it exists; guard it with caps.Has({4}) or caps.Require({4})",
        DiagnosticSeverity.Warning,
        SqlCategory);

    public static readonly DiagnosticDescriptor UndeclaredColumn = Create(
        DiagnosticIds.UndeclaredColumn,
        "Raw SQL names a column the mapped table does not declare",
        "Raw SQL names column \"{0}\", which {1} does not declare; fix the name or map the column on {2}",
        DiagnosticSeverity.Warning,
        SqlCategory);

    public static readonly DiagnosticDescriptor UncheckedOptionalTable = Create(
        DiagnosticIds.UncheckedOptionalTable,
        "Raw SQL uses an optional table without checking that it exists",
        "Raw SQL names optional table {0} without checking that it exists; guard it with caps.TableExists (capabilities of {1})",
        DiagnosticSeverity.Warning,
        SqlCategory);

    private const string SqlCategory = "Tolerant.Sql";

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string category = ModelCategory) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
