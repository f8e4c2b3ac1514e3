using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Tolerant.Generators.Emitting;
using Tolerant.Generators.Model;
using Xunit;

namespace Tolerant.Generators.Tests.Model;

/// <summary>
/// Everything the generator's pipeline carries must compare by value and hold no Roslyn object: a symbol, syntax
/// node, location or compilation in a model would keep old compilations alive and defeat caching.
/// </summary>
public sealed class ModelShapeTests
{
    [Theory]
    [InlineData(typeof(TableModel))]
    [InlineData(typeof(GeneratedSource))]
    [InlineData(typeof(NamedTable))]
    public void Pipeline_values_hold_only_equatable_non_Roslyn_types(Type root)
    {
        var problems = new List<string>();
        Walk(root, new HashSet<Type>(), problems, root.Name);
        Assert.Empty(problems);
    }

    [Fact]
    public void The_walk_itself_rejects_Roslyn_types_and_plain_collections()
    {
        var problems = new List<string>();
        Walk(typeof(BadModel), new HashSet<Type>(), problems, nameof(BadModel));
        Assert.Equal(3, problems.Count);
    }

    private static void Walk(Type type, HashSet<Type> seen, List<string> problems, string path)
    {
        if (!seen.Add(type) || IsScalar(type))
        {
            return;
        }

        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            problems.Add($"{path} is the Roslyn type {type.FullName}");
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            Walk(type.GetGenericArguments()[0], seen, problems, path + "[]");
            return;
        }

        if (typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            problems.Add($"{path} is the collection {type.Name}, which compares by reference; use EquatableArray<T>");
            return;
        }

        var isRecord = type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
        if (!isRecord || !type.IsSealed)
        {
            problems.Add($"{path} ({type.Name}) is not a sealed record");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod?.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) == true ||
                type.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
            {
                Walk(property.PropertyType, seen, problems, $"{path}.{property.Name}");
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal);
    }

    private sealed record BadModel(
        Microsoft.CodeAnalysis.Location Location,
        List<string> Names,
        Microsoft.CodeAnalysis.ISymbol Symbol);
}
