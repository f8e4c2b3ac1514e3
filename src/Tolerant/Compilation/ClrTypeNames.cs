using System;
using System.Linq;

namespace Tolerant.Compilation;

/// <summary>Type names as C# writes them, for messages: <c>(Guid, int)</c>, not <c>ValueTuple`2</c>.</summary>
internal static class ClrTypeNames
{
    public static string Display(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Display(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Display(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var arguments = type.GetGenericArguments().Select(Display);
        if (type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            return "(" + string.Join(", ", arguments) + ")";
        }

        return type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", arguments) + ">";
    }
}
