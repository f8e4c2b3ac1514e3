using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// <c>[Obsolete(..., error: true)]</c> members cannot be used even by generated code (CS0619 is an error no pragma
/// silences); plain <c>[Obsolete]</c> ones can, and the generated file silences their warnings.
/// </summary>
internal static class ObsoleteRules
{
    public static bool IsError(ISymbol symbol) =>
        symbol.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute" &&
            a.ConstructorArguments.Length == 2 &&
            a.ConstructorArguments[1].Value is true);
}
