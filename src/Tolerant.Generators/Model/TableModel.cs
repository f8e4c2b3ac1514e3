namespace Tolerant.Generators.Model;

/// <summary>
/// Everything the emitter needs to know about one <c>[SqlTable]</c> type. A value: strings, flags and other
/// models only, so the incremental pipeline can compare it with the previous run's.
/// </summary>
/// <param name="Namespace">The containing namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="TypeName">The type's simple name.</param>
/// <param name="FullyQualifiedName">The type as generated code refers to it: <c>global::Ns.Outer.T</c>.</param>
/// <param name="TypeKeyword">How the partial declaration is introduced: <c>record</c>, <c>record struct</c>, <c>class</c> or <c>struct</c>.</param>
/// <param name="ContainingTypes">The types it is nested in, outermost first.</param>
/// <param name="Schema">The schema, or <see langword="null"/> when the table is found through <c>search_path</c>.</param>
/// <param name="Name">The table name, unquoted.</param>
/// <param name="Optional">Whether a later migration creates the table.</param>
/// <param name="Columns">The mapped columns in ordinal order.</param>
/// <param name="HidesInheritedColumns">Whether a base type has a member named <c>Columns</c>, which the generated class hides.</param>
internal sealed record TableModel(
    string? Namespace,
    string TypeName,
    string FullyQualifiedName,
    string TypeKeyword,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string? Schema,
    string Name,
    bool Optional,
    EquatableArray<ColumnModel> Columns,
    bool HidesInheritedColumns)
{
    /// <summary>The table as messages name it: <c>schema.table</c>.</summary>
    public string DisplayName => Schema is null ? Name : Schema + "." + Name;

    /// <summary>
    /// The generated file's name before it is made unique: <c>Namespace.Outer+Type.g.cs</c>, with <c>+</c> between
    /// nested types (so it never reads like a namespace) and no <c>@</c> escapes (which hint names refuse).
    /// </summary>
    public string HintName
    {
        get
        {
            var builder = new System.Text.StringBuilder();
            if (Namespace is not null)
            {
                builder.Append(Namespace.Replace("@", string.Empty)).Append('.');
            }

            foreach (var containing in ContainingTypes)
            {
                builder.Append(containing.Name).Append('+');
            }

            return builder.Append(TypeName).Append(".g.cs").ToString();
        }
    }
}
