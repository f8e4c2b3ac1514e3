namespace Tolerant.Generators.Emitting;

/// <summary>A generated file: its hint name and its text. A value, so an unchanged file is not added again.</summary>
internal sealed record GeneratedSource(string HintName, string Text);
