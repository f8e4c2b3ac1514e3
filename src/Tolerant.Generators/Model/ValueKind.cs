namespace Tolerant.Generators.Model;

/// <summary>The scalar a column's value is stored as; it decides the reader's getter and the default literal's form.</summary>
internal enum ValueKind
{
    Boolean,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    String,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    ByteArray,

    /// <summary>A CLR type Tolerant does not map by default, mapped through an explicit <c>TypeName</c>.</summary>
    Custom,
}
