using System;
using System.Linq;

namespace Tolerant.Compilation;

/// <summary>Type names close to how C# writes them, for messages: <c>(Guid, Int32)</c>, not <c>ValueTuple`2</c>.</summary>
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

        // A type nested in a generic one is generic without a `n suffix of its own: its plain name says enough.
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick] + "<" + string.Join(", ", arguments) + ">";
    }
}
