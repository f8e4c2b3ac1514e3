using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Tolerant.Generators.Diagnostics;
using Xunit;
using VerifyCS = Tolerant.Generators.Tests.Infrastructure.Verifiers.CSharpAnalyzerVerifier<Tolerant.Generators.Analyzers.TableModelAnalyzer>;

namespace Tolerant.Generators.Tests.Rules;

/// <summary>
/// TOL0008: an <c>[OptionalColumn(Default = ...)]</c> must be a SQL literal of the column's type. Each case gives the
/// property type and the Default exactly as the SQL text the attribute holds; the test writes it as a C# literal.
/// </summary>
public sealed class TOL0008_InvalidDefaultLiteralTests
{
    private const string NotBoolean = "write true or false";
    private const string NotWhole = "write a whole number such as 0 or -1";
    private const string NotFloat = "write a number such as 0, 1.5 or 2e-3, or 'NaN', 'Infinity', '-Infinity'";
    private const string NotDecimal = "write a number such as 0 or 12.50 that fits a decimal";
    private const string NotQuoted = "write a string literal in single quotes, with '' for a quote inside it";
    private const string NotUuid = "the quoted text is not a UUID";
    private const string NotTimestamp = "the quoted text is not a timestamp such as '2000-01-01 00:00:00+00'";
    private const string NotDate = "the quoted text is not a date such as '2000-01-31'";
    private const string NotTime = "the quoted text is not a time of day such as '08:30:00'";
    private const string NotInterval = "the quoted text is not an interval such as '1 day' or '01:30:00'";
    private const string NotHex = "write bytes in hex form such as '\\x0aff'";
    private const string NotLiteral = "write a literal: a number, true, false or a string in single quotes";
    private const string NullNotAllowed = "NULL does not fit a non-nullable property";
    private const string EmptyDefault = "it is empty; leave Default out for NULL";

    [Theory]
    // bool
    [InlineData("bool", "true")]
    [InlineData("bool", "FALSE")]
    [InlineData("bool", " true ")]
    // integers, at the edges of their ranges
    [InlineData("short", "32767")]
    [InlineData("short", "-32768")]
    [InlineData("int", "0")]
    [InlineData("int", "+5")]
    [InlineData("int", "-2147483648")]
    [InlineData("int", "2147483647")]
    [InlineData("long", "-9223372036854775808")]
    [InlineData("long", "9223372036854775807")]
    [InlineData("Status", "1")]
    [InlineData("Tiny", "255")]
    // floating point
    [InlineData("float", "1.5")]
    [InlineData("float", ".5")]
    [InlineData("float", "2e-3")]
    [InlineData("double", "-1.25E+10")]
    [InlineData("double", "'NaN'")]
    [InlineData("double", "'Infinity'")]
    [InlineData("double", "'-Infinity'")]
    // decimal
    [InlineData("decimal", "12.50")]
    [InlineData("decimal", "-0.001")]
    [InlineData("decimal", "79228162514264337593543950335")]
    // strings
    [InlineData("string", "'pending'")]
    [InlineData("string", "''")]
    [InlineData("string", "'it''s'")]
    [InlineData("string", "'--not a comment'")]
    // uuid
    [InlineData("Guid", "'6f9619ff-8b86-d011-b42d-00cf4fc964ff'")]
    [InlineData("Guid", "'00000000-0000-0000-0000-000000000000'")]
    [InlineData("Guid", "'{6f9619ff-8b86-d011-b42d-00cf4fc964ff}'")]
    [InlineData("Guid", "'6f9619ff8b86d011b42d00cf4fc964ff'")]
    // timestamps, date, time, interval
    [InlineData("DateTime", "'2000-01-01 00:00:00'")]
    [InlineData("DateTime", "'infinity'")]
    [InlineData("DateTimeOffset", "'2000-01-01 00:00:00+00'")]
    [InlineData("DateTimeOffset", "'2000-01-01T08:30:00+02:00'")]
    [InlineData("DateTimeOffset", "'-infinity'")]
    [InlineData("DateOnly", "'2000-01-31'")]
    [InlineData("DateOnly", "'2000-02-29'")]
    [InlineData("DateOnly", "'infinity'")]
    [InlineData("TimeOnly", "'08:30:00'")]
    [InlineData("TimeOnly", "'23:59:59.999'")]
    [InlineData("TimeSpan", "'1 day'")]
    [InlineData("TimeSpan", "'01:30:00'")]
    [InlineData("TimeSpan", "'2 hours 30 minutes'")]
    [InlineData("TimeSpan", "'3 days ago'")]
    // bytea
    [InlineData("byte[]", "'\\x0aff'")]
    [InlineData("byte[]", "'\\x'")]
    // NULL where NULL fits
    [InlineData("int?", "NULL")]
    [InlineData("string?", "null")]
    [InlineData("Guid?", "Null")]
    [InlineData("DateTimeOffset?", "'2000-01-01 00:00:00+00'")]
    public Task Valid_literal_does_not_fire(string type, string defaultSql) =>
        VerifyCS.VerifyAnalyzerAsync(Row(type, SymbolDisplay.FormatLiteral(defaultSql, quote: true)));

    [Theory]
    // bool
    [InlineData("bool", "1", "boolean", NotBoolean)]
    [InlineData("bool", "yes", "boolean", NotBoolean)]
    [InlineData("bool", "'true'", "boolean", NotBoolean)]
    // integers: the form, then the range
    [InlineData("short", "1.5", "smallint", NotWhole)]
    [InlineData("short", "32768", "smallint", "it is outside -32768..32767")]
    [InlineData("short", "-32769", "smallint", "it is outside -32768..32767")]
    [InlineData("int", "2147483648", "integer", "it is outside -2147483648..2147483647")]
    [InlineData("int", "0x10", "integer", NotWhole)]
    [InlineData("int", "1 + 1", "integer", NotWhole)]
    [InlineData("int", "'1'", "integer", NotWhole)]
    [InlineData("long", "9223372036854775808", "bigint", "it is outside -9223372036854775808..9223372036854775807")]
    [InlineData("Status", "'Done'", "integer", NotWhole)]
    [InlineData("Tiny", "256", "smallint", "it is outside 0..255")]
    [InlineData("Tiny", "-1", "smallint", "it is outside 0..255")]
    // floating point
    [InlineData("float", "NaN", "real", NotFloat)]
    [InlineData("double", "1,5", "double precision", NotFloat)]
    [InlineData("double", "'1.5'", "double precision", NotFloat)]
    [InlineData("double", "pi()", "double precision", NotFloat)]
    [InlineData("float", "1e39", "real", "it is out of range for the type")]
    [InlineData("double", "1e309", "double precision", "it is out of range for the type")]
    // PostgreSQL refuses underflow too: '1e-50'::real and '1e-400'::float8 fail with "value out of range: underflow".
    [InlineData("float", "1e-50", "real", "it is out of range for the type")]
    [InlineData("double", "1e-400", "double precision", "it is out of range for the type")]
    // decimal
    [InlineData("decimal", "1e400", "numeric", NotDecimal)]
    [InlineData("decimal", "'1'", "numeric", NotDecimal)]
    [InlineData("decimal", "'NaN'", "numeric", NotDecimal)]
    // strings
    [InlineData("string", "pending", "text", NotQuoted)]
    [InlineData("string", "'it's'", "text", NotQuoted)]
    [InlineData("string", "'a' || 'b'", "text", NotQuoted)]
    [InlineData("string", "\"pending\"", "text", NotQuoted)]
    [InlineData("string", "E'x\\ny'", "text", NotQuoted)]
    // uuid
    [InlineData("Guid", "'nope'", "uuid", NotUuid)]
    [InlineData("Guid", "gen_random_uuid()", "uuid", NotQuoted)]
    [InlineData("Guid", "'(6f9619ff-8b86-d011-b42d-00cf4fc964ff)'", "uuid", NotUuid)]
    [InlineData("Guid", "6f9619ff-8b86-d011-b42d-00cf4fc964ff", "uuid", NotQuoted)]
    // timestamps
    [InlineData("DateTimeOffset", "now()", "timestamp with time zone", NotQuoted)]
    [InlineData("DateTimeOffset", "'yesterday'", "timestamp with time zone", NotTimestamp)]
    [InlineData("DateTimeOffset", "'01/02/2000 00:00:00'", "timestamp with time zone", NotTimestamp)]
    [InlineData("DateTime", "CURRENT_TIMESTAMP", "timestamp without time zone", NotQuoted)]
    // date
    [InlineData("DateOnly", "'2000-02-30'", "date", NotDate)]
    [InlineData("DateOnly", "'31/01/2000'", "date", NotDate)]
    [InlineData("DateOnly", "'2000-01-31 00:00:00'", "date", NotDate)]
    [InlineData("DateOnly", "current_date", "date", NotQuoted)]
    // time
    [InlineData("TimeOnly", "'1.08:00:00'", "time without time zone", NotTime)]
    [InlineData("TimeOnly", "'-01:00'", "time without time zone", NotTime)]
    [InlineData("TimeOnly", "'noon'", "time without time zone", NotTime)]
    // interval
    [InlineData("TimeSpan", "'forever'", "interval", NotInterval)]
    [InlineData("TimeSpan", "'1 fortnight'", "interval", NotInterval)]
    [InlineData("TimeSpan", "1 day", "interval", NotQuoted)]
    // bytea
    [InlineData("byte[]", "'\\x0af'", "bytea", NotHex)]
    [InlineData("byte[]", "'0aff'", "bytea", NotHex)]
    [InlineData("byte[]", "'\\xzz'", "bytea", NotHex)]
    // NULL and empty
    [InlineData("int", "NULL", "integer", NullNotAllowed)]
    [InlineData("int", "", "integer", "it is empty")]
    [InlineData("string", "null", "text", NullNotAllowed)]
    [InlineData("int?", "", "integer", EmptyDefault)]
    [InlineData("string?", "   ", "text", EmptyDefault)]
    public Task Invalid_literal_fires_on_the_Default_argument(string type, string defaultSql, string pgType, string error) =>
        VerifyCS.VerifyAnalyzerAsync(
            Row(type, "{|#0:" + SymbolDisplay.FormatLiteral(defaultSql, quote: true) + "|}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidDefaultLiteral).WithLocation(0).WithArguments(defaultSql, "value", pgType, error));

    // PostgreSQL reads its special date/time and floating-point values case-insensitively
    // ('Infinity'::timestamptz, 'nan'::float8, 'inf'::float8 all work), so these are literals of the column's type.
    [Theory]
    [InlineData("DateTime", "'Infinity'")]
    [InlineData("DateTimeOffset", "'INFINITY'")]
    [InlineData("DateOnly", "'-Infinity'")]
    [InlineData("double", "'nan'")]
    [InlineData("float", "'inf'")]
    public Task Special_values_in_another_case_do_not_fire(string type, string defaultSql) =>
        VerifyCS.VerifyAnalyzerAsync(Row(type, SymbolDisplay.FormatLiteral(defaultSql, quote: true)));

    [Fact]
    public Task TypeName_is_the_type_the_message_names() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(TypeName = \"varchar(10)\")]", "string", "{|#0:\"abc\"|}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidDefaultLiteral).WithLocation(0)
                .WithArguments("abc", "value", "varchar(10)", NotQuoted));

    [Theory]
    [InlineData("'{}'")]
    [InlineData("0")]
    [InlineData("true")]
    public Task Custom_type_accepts_any_literal(string defaultSql) =>
        VerifyCS.VerifyAnalyzerAsync(Row("[SqlColumn(TypeName = \"jsonb\")]", "object", SymbolDisplay.FormatLiteral(defaultSql, quote: true)));

    [Fact]
    public Task Custom_type_refuses_an_expression() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("[SqlColumn(TypeName = \"jsonb\")]", "object", "{|#0:\"jsonb_build_object()\"|}"),
            VerifyCS.Diagnostic(DiagnosticIds.InvalidDefaultLiteral).WithLocation(0)
                .WithArguments("jsonb_build_object()", "value", "jsonb", NotLiteral));

    [Fact]
    public Task Default_on_an_unsupported_type_reports_only_the_type() =>
        VerifyCS.VerifyAnalyzerAsync(
            Row("", "char", "\"not checked\"").Replace("public char Value", "public char {|#0:Value|}"),
            VerifyCS.Diagnostic(DiagnosticIds.UnsupportedPropertyType).WithLocation(0).WithArguments("Value", "char"));

    [Fact]
    public Task Invalid_default_on_a_positional_parameter_fires_on_the_argument() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("shop.orders")]
            public sealed partial record Order([SqlKey] int Id, [OptionalColumn(Default = {|#0:"maybe"|})] bool IsActive);
            """,
            VerifyCS.Diagnostic(DiagnosticIds.InvalidDefaultLiteral).WithLocation(0)
                .WithArguments("maybe", "is_active", "boolean", NotBoolean));

    private static string Row(string type, string defaultArgument) => Row(string.Empty, type, defaultArgument);

    private static string Row(string extraAttribute, string type, string defaultArgument) =>
        $$"""
        using System;
        using Tolerant;

        namespace Shop;

        public enum Status { Pending, Done }

        public enum Tiny : byte { None }

        [SqlTable("shop.orders")]
        public partial record Order
        {
            [SqlKey] public int Id { get; init; }

            {{extraAttribute}}
            [OptionalColumn(Since = "015", Default = {{defaultArgument}})]
            public {{type}} Value { get; init; }
        }
        """;
}
