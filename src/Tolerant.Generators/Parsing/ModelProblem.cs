using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// A problem the parser found in a model, for the analyzer to report. Never part of the generator's pipeline:
/// it holds a <see cref="Location"/>, which would defeat incremental caching.
/// </summary>
internal sealed class ModelProblem
{
    public ModelProblem(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments)
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Location? Location { get; }

    public object?[] Arguments { get; }

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);
}
