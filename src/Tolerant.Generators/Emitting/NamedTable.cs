using Tolerant.Generators.Model;

namespace Tolerant.Generators.Emitting;

/// <summary>A table with the hint name its generated file gets, unique across the compilation.</summary>
internal sealed record NamedTable(TableModel Table, string HintName);
