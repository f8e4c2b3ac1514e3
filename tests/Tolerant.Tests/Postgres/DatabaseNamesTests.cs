using System.Text.RegularExpressions;
using Tolerant.TestSupport;
using Xunit;

namespace Tolerant.Tests.Postgres;

/// <summary>Database names are unique, unquoted-safe and within PostgreSQL's 63-byte identifier limit.</summary>
public sealed class DatabaseNamesTests
{
    [Theory]
    [InlineData(null, "tolerant_")]
    [InlineData("", "tolerant_")]
    [InlineData("tolerant_test", "tolerant_test_")]
    [InlineData("Tolerant.Tests.SessionTests", "tolerant_tests_sessiontests_")]
    [InlineData("1st class", "db_1st_class_")]
    [InlineData("über-Schema", "_ber_schema_")]
    public void A_name_is_the_cleaned_prefix_and_a_random_suffix(string? prefix, string expectedStart)
    {
        string name = DatabaseNames.NewUnique(prefix);

        Assert.StartsWith(expectedStart, name);
        Assert.Matches(new Regex("^[a-z_][a-z0-9_]*_[0-9a-f]{12}$"), name);
        Assert.NotEqual(name, DatabaseNames.NewUnique(prefix));
    }

    [Fact]
    public void A_long_prefix_is_cut_so_the_name_fits_63_bytes_with_its_suffix()
    {
        string name = DatabaseNames.NewUnique(new string('a', 100));

        Assert.Equal(DatabaseNames.MaxLength, name.Length);
        Assert.Matches(new Regex("^a{50}_[0-9a-f]{12}$"), name);
    }
}
