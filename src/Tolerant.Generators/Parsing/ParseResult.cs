using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tolerant.Generators.Model;

namespace Tolerant.Generators.Parsing;

/// <summary>What the parser made of one <c>[SqlTable]</c> type: a model when it has no errors, and every problem found.</summary>
internal sealed class ParseResult
{
    public ParseResult(TableModel? model, IReadOnlyList<ModelProblem> problems)
    {
        Model = model;
        Problems = problems;
    }

    /// <summary>The model, or <see langword="null"/> when any problem is an error: the generator then emits nothing for the type.</summary>
    public TableModel? Model { get; }

    public IReadOnlyList<ModelProblem> Problems { get; }

    public static bool IsError(ModelProblem problem) => problem.Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}
