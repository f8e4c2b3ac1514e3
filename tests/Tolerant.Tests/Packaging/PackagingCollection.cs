using Xunit;

namespace Tolerant.Tests.Packaging;

/// <summary>
/// The packaging tests share one packed package, and run alone: each starts restores and builds of its own,
/// which on a 2-core machine would only slow every test running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingCollection : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Packaging";
}
