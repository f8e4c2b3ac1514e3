using System;

namespace Tolerant;

/// <summary>Leaves a property out of the mapping: it is neither read from nor written to the table.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SqlIgnoreAttribute : Attribute
{
}
