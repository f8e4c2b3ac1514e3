namespace Tolerant.Generators.Model;

/// <summary>A type that a <c>[SqlTable]</c> type is nested in, as its partial declaration is written.</summary>
/// <param name="Name">The type's simple name.</param>
/// <param name="Keyword">How the partial declaration is introduced: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
internal sealed record ContainingTypeModel(string Name, string Keyword);
