namespace Tolerant.Generators.Diagnostics;

/// <summary>Every diagnostic ID Tolerant reports, in one place.</summary>
public static class DiagnosticIds
{
    // TOL0xxx: the model of a [SqlTable] type.
    public const string AnalyzerFailure = "TOL0000";
    public const string TypeNotPartial = "TOL0001";
    public const string GenericType = "TOL0002";
    public const string UnsupportedPropertyType = "TOL0003";
    public const string DuplicateColumnName = "TOL0004";
    public const string NoMappedColumns = "TOL0005";
    public const string InvalidTableName = "TOL0006";
    public const string OptionalColumnNeedsDefault = "TOL0007";
    public const string InvalidDefaultLiteral = "TOL0008";
    public const string KeyColumnIsOptional = "TOL0009";
    public const string TableHasNoKey = "TOL0010";
    public const string InvalidColumnName = "TOL0011";
    public const string MemberNameConflict = "TOL0012";
    public const string PropertyNotWritable = "TOL0013";
    public const string UnsupportedTypeKind = "TOL0014";
    public const string InvalidTypeName = "TOL0015";
    public const string NotConstructible = "TOL0016";

    // TOL1xxx: raw SQL against the mapped schema.
    public const string UncheckedOptionalColumn = "TOL1001";
    public const string UndeclaredColumn = "TOL1002";
    public const string UncheckedOptionalTable = "TOL1003";
}
