namespace Tolerant;

/// <summary>
/// Implemented by the source generator on every <see cref="SqlTableAttribute"/> type. Its static members give
/// the runtime what it needs for that table without reflection; the runtime's generic types are constrained
/// to it, so only generated types can be used with them.
/// </summary>
/// <typeparam name="T">The mapped type itself.</typeparam>
public interface ISqlTable<T>
    where T : ISqlTable<T>
{
    /// <summary>The table as the model declares it.</summary>
    static abstract TableDefinition<T> Definition { get; }
}
