using System;

namespace Tolerant.Compilation;

/// <summary>
/// An <c>Arg&lt;object&gt;</c> also fits a value parameter of type <see cref="object"/> (by boxing), and the value
/// overloads have priority (so <c>Eq(default)</c> stays a value): the value overloads of a column typed
/// <see cref="object"/> or <see cref="ValueType"/> hand such an argument on to their argument overload. For every
/// other column type the test is a constant the JIT removes.
/// </summary>
internal static class BoxedArg
{
    public static bool Is<TValue>(TValue value, out Arg<TValue> argument)
    {
        if ((typeof(TValue) == typeof(object) || typeof(TValue) == typeof(ValueType)) && value is Arg<TValue> given)
        {
            argument = given;
            return true;
        }

        argument = default;
        return false;
    }
}
