namespace Tolerant.Generators;

/// <summary>The names of the generator's pipeline steps, so tests can check what re-ran after an edit.</summary>
public static class TrackingNames
{
    /// <summary>The model read from each <c>[SqlTable]</c> type.</summary>
    public const string TableModel = nameof(TableModel);

    /// <summary>Each table with its hint name, made unique across the compilation.</summary>
    public const string NamedTable = nameof(NamedTable);

    /// <summary>The source text written for each table.</summary>
    public const string TableSource = nameof(TableSource);
}
