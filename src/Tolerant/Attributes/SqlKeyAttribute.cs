using System;

namespace Tolerant;

/// <summary>
/// Marks a property as part of the table's key. Updates and deletes of a whole row match on the key columns;
/// mark several properties for a composite key. A key column can never be optional.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SqlKeyAttribute : Attribute
{
}
