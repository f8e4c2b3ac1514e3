namespace Tolerant.Catalog;

/// <summary>A table as the catalog probes it: schema (or the search path) and name, both exact.</summary>
internal readonly record struct TableKey(string? Schema, string Name)
{
    /// <summary>The quoted name <c>to_regclass</c> resolves, through the search path when unqualified.</summary>
    public string RegclassText => Schema is null ? SqlIdentifier.Quote(Name) : SqlIdentifier.Quote(Schema) + "." + SqlIdentifier.Quote(Name);

    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}
