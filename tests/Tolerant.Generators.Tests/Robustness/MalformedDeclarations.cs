using System.Collections.Generic;

namespace Tolerant.Generators.Tests.Robustness;

/// <summary>
/// A catalogue of declarations a user may have half-written or got wrong, by readable case name. Each is one or
/// more source files (several files exercise partial declarations). None may make the generator or the analyzer
/// fail, and none may produce generated code that does not compile.
/// </summary>
internal static class MalformedDeclarations
{
    private static readonly string LongName = "Very" + new string('x', 1000) + "LongName";

    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        // --- [SqlTable] arguments -------------------------------------------------------------------------------
        ["SqlTable without argument"] = [Row("[SqlTable]")],
        ["SqlTable(null)"] = [Row("[SqlTable(null)]")],
        ["SqlTable(123)"] = [Row("[SqlTable(123)]")],
        ["SqlTable with an array argument"] = [Row("[SqlTable(new[] { \"orders\" })]")],
        ["SqlTable with two names"] = [Row("[SqlTable(\"shop\", \"orders\")]")],
        ["SqlTable with Optional of the wrong type"] = [Row("[SqlTable(\"orders\", Optional = 1)]")],
        ["SqlTable with Optional given an array"] = [Row("[SqlTable(\"orders\", Optional = new[] { true })]")],
        ["SqlTable with an unknown named argument"] = [Row("[SqlTable(\"orders\", Schema = \"shop\")]")],
        ["SqlTable with an undefined constant"] = [Row("[SqlTable(Names.Orders)]")],
        ["SqlTable with a non-constant name"] = [Row("[SqlTable(string.Empty + System.Environment.MachineName)]")],
        ["SqlTable with an unterminated string"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders)]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """],
        ["SqlTable name too long"] = [Row($"[SqlTable(\"{new string('t', 300)}\")]")],

        // --- property attribute arguments -----------------------------------------------------------------------
        ["SqlColumn(null)"] = [Row("[SqlTable(\"orders\")]", "[SqlColumn(null)] public string? Note { get; init; }")],
        ["SqlColumn(123)"] = [Row("[SqlTable(\"orders\")]", "[SqlColumn(123)] public string? Note { get; init; }")],
        ["SqlColumn with an array argument"] = [Row("[SqlTable(\"orders\")]", "[SqlColumn(new[] { \"note\" })] public string? Note { get; init; }")],
        ["SqlColumn TypeName of the wrong type"] = [Row("[SqlTable(\"orders\")]", "[SqlColumn(TypeName = 5)] public object? Note { get; init; }")],
        ["SqlColumn TypeName given an array"] = [Row("[SqlTable(\"orders\")]", "[SqlColumn(TypeName = new[] { \"jsonb\" })] public object? Note { get; init; }")],
        ["SqlColumn twice on one property"] = [Row("[SqlTable(\"orders\")]", "[SqlColumn(\"a\"), SqlColumn(\"b\")] public string? Note { get; init; }")],
        ["OptionalColumn Default = 1"] = [Row("[SqlTable(\"orders\")]", "[OptionalColumn(Default = 1)] public int Attempts { get; init; }")],
        ["OptionalColumn Default = true on bool?"] = [Row("[SqlTable(\"orders\")]", "[OptionalColumn(Default = true)] public bool? IsActive { get; init; }")],
        ["OptionalColumn Default given an array"] = [Row("[SqlTable(\"orders\")]", "[OptionalColumn(Default = new[] { \"0\" })] public int Attempts { get; init; }")],
        ["OptionalColumn Since of the wrong type"] = [Row("[SqlTable(\"orders\")]", "[OptionalColumn(Since = 15)] public int? Attempts { get; init; }")],
        ["OptionalColumn Default not constant"] = [Row("[SqlTable(\"orders\")]", "[OptionalColumn(Default = $\"{System.DateTime.Now}\")] public string? Note { get; init; }")],
        ["OptionalColumn with an unterminated Default"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                [OptionalColumn(Default = "'x)] public string? Note { get; init; }
            }
            """],
        ["SqlKey on a field"] = [Row("[SqlTable(\"orders\")]", "[SqlKey] public int Number;")],
        ["Misspelled attribute"] = [Row("[SqlTable(\"orders\")]", "[SqlColum(\"note\")] public string? Note { get; init; }")],
        ["Tolerant namespace not imported"] = [
            """
            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """],

        // --- wrong attribute targets ----------------------------------------------------------------------------
        ["SqlTable on a method"] = [
            """
            using Tolerant;

            namespace Shop;

            public static class Queries
            {
                [SqlTable("orders")]
                public static void Run() { }
            }
            """],
        ["SqlTable on an enum"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("states")]
            public enum State { Pending, Done }
            """],
        ["SqlTable on a field"] = [
            """
            using Tolerant;

            namespace Shop;

            public static class Tables
            {
                [SqlTable("orders")]
                public static int Orders;
            }
            """],
        ["SqlTable on an interface"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial interface IOrder
            {
                int Id { get; init; }
            }
            """],
        ["SqlTable on a delegate"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public delegate void OrderHandler(int id);
            """],
        ["SqlTable on a property"] = [Row("[SqlTable(\"orders\")]", "[SqlTable(\"notes\")] public string? Note { get; init; }")],
        ["SqlKey on the type"] = [Row("[SqlKey, SqlTable(\"orders\")]")],

        // --- duplicate attributes and partial declarations ------------------------------------------------------
        ["SqlTable twice on one declaration"] = [Row("[SqlTable(\"a\"), SqlTable(\"b\")]")],
        ["SqlTable on two partial declarations in two files"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("a")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """,
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("b")]
            public partial record Order
            {
                public string? Note { get; init; }
            }
            """],
        ["Two partial files mapping one column twice"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public string? Note { get; init; }
            }
            """,
            """
            using Tolerant;

            namespace Shop;

            public partial record Order
            {
                [SqlColumn("note")] public string? Remark { get; init; }
            }
            """],
        ["Partial declarations in two files without a key"] = [
            """
            using System;
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                public DateTimeOffset At { get; init; }
            }
            """,
            """
            namespace Shop;

            public partial record Order
            {
                public string? Note { get; init; }
            }
            """],
        ["Same property declared in two partial files"] = [
            Row("[SqlTable(\"orders\")]", "public string? Note { get; init; }"),
            """
            namespace Shop;

            public partial record Order
            {
                public string? Note { get; init; }
            }
            """],
        ["Partial in one file, not in the other"] = [
            Row("[SqlTable(\"orders\")]"),
            """
            namespace Shop;

            public record Order
            {
                public string? Note { get; init; }
            }
            """],
        ["Positional parameters declared twice"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order([SqlKey] int Id);
            """,
            """
            namespace Shop;

            public partial record Order(int Id, string Note);
            """],

        // --- syntax errors --------------------------------------------------------------------------------------
        ["Missing closing brace"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            """],
        ["Missing opening brace"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
                [SqlKey] public int Id { get; init; }
            }
            """],
        ["Missing property type"] = [Row("[SqlTable(\"orders\")]", "public Note { get; init; }")],
        ["Missing property name"] = [Row("[SqlTable(\"orders\")]", "public string? { get; init; }")],
        ["Half-written property"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public string? Note { get
            }
            """],
        ["Half-written attribute"] = [Row("[SqlTable(\"orders\")]", "[OptionalColumn(Default = ] public int Attempts { get; init; }")],
        ["Unterminated string in a property initializer"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
                public string Note { get; init; } = "unterminated;
            }
            """],
        ["Unterminated raw string"] = [
            """"
            using Tolerant;

            namespace Shop;

            [SqlTable("""orders)]
            public partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """"],
        ["Half-written positional record"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order([SqlKey] int Id, string
            """],
        ["Stray tokens in the body"] = [Row("[SqlTable(\"orders\")]", "public int Attempts { get; init; } ;;; } = 5; {")],

        // --- types ----------------------------------------------------------------------------------------------
        ["Unknown property type"] = [Row("[SqlTable(\"orders\")]", "public Money Total { get; init; }")],
        ["Unknown generic argument"] = [Row("[SqlTable(\"orders\")]", "public System.Collections.Generic.List<Money> Totals { get; init; } = new();")],
        ["Self-referencing property"] = [Row("[SqlTable(\"orders\")]", "public Order? Parent { get; init; }")],
        ["Self-referencing collection"] = [Row("[SqlTable(\"orders\")]", "public System.Collections.Generic.List<Order> Children { get; init; } = new();")],
        ["Self-referencing positional parameter"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order([SqlKey] int Id, Order? Parent);
            """],
        ["Circular base records"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("a")]
            public partial record A : B
            {
                [SqlKey] public int Id { get; init; }
            }

            [SqlTable("b")]
            public partial record B : A
            {
                public int Other { get; init; }
            }
            """],
        ["Property named like the type"] = [Row("[SqlTable(\"orders\")]", "public string? Order { get; init; }")],
        ["Type named Columns"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("columns")]
            public partial record Columns
            {
                [SqlKey] public int Id { get; init; }
                public string? Name { get; init; }
            }
            """],
        ["Property named Columns"] = [Row("[SqlTable(\"orders\")]", "public int Columns { get; init; }")],
        ["Type already implementing ISqlTable"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public partial record Order : ISqlTable<Order>
            {
                [SqlKey] public int Id { get; init; }

                static TableDefinition<Order> ISqlTable<Order>.Definition => throw new System.NotSupportedException();
            }
            """],
        ["Static class"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            public static partial class Order
            {
                public static int Id { get; set; }
            }
            """],
        ["Abstract record"] = [Row("[SqlTable(\"orders\")]", keywords: "public abstract partial record")],
        ["Non-partial record"] = [Row("[SqlTable(\"orders\")]", keywords: "public sealed record")],
        ["Ref struct"] = [Row("[SqlTable(\"orders\")]", keywords: "public ref partial struct")],
        ["Record with a mapped base record"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("entities")]
            public partial record Entity
            {
                [SqlKey] public int Id { get; init; }
            }

            [SqlTable("orders")]
            public partial record Order : Entity
            {
                public string? Note { get; init; }
            }
            """],
        ["Record with an unmapped base record"] = [
            """
            using Tolerant;

            namespace Shop;

            public abstract record Entity
            {
                public int Id { get; init; }
            }

            [SqlTable("orders")]
            public sealed partial record Order : Entity
            {
                public string? Note { get; init; }
            }
            """],
        ["Record whose base declares Columns"] = [
            """
            using Tolerant;

            namespace Shop;

            public abstract record Entity
            {
                public static class Columns { }
            }

            [SqlTable("orders")]
            public sealed partial record Order : Entity
            {
                public int Number { get; init; }
            }
            """],
        ["Generic record"] = [Row("[SqlTable(\"orders\")]", name: "Order<T>")],
        ["Record nested in a generic type"] = [
            """
            using Tolerant;

            namespace Shop;

            public partial class Repository<T>
            {
                [SqlTable("orders")]
                public partial record Order
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """],
        ["Record nested in a non-partial type"] = [
            """
            using Tolerant;

            namespace Shop;

            public class Schema
            {
                [SqlTable("orders")]
                public partial record Order
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """],
        ["Record nested in a ref struct"] = [
            """
            using Tolerant;

            namespace Shop;

            public ref partial struct Scope
            {
                [SqlTable("orders")]
                public partial record Order
                {
                    public int Number { get; init; }
                }
            }
            """],
        ["File-local record"] = [
            """
            using Tolerant;

            namespace Shop;

            [SqlTable("orders")]
            file partial record Order
            {
                [SqlKey] public int Id { get; init; }
            }
            """],
        ["Record nested in a file-local class"] = [
            """
            using Tolerant;

            namespace Shop;

            file partial class Schema
            {
                [SqlTable("orders")]
                public partial record Order
                {
                    [SqlKey] public int Id { get; init; }
                }
            }
            """],

        // --- the escape hatch and odd members the generated reader and binders must still compile against -----
        ["Unmapped CLR types made mappable by TypeName"] = [Keyless(
            """
            public enum Wide : ulong { None }
                [SqlColumn(TypeName = "numeric(20)")] public Wide Flags { get; init; }
                [SqlColumn(TypeName = "numeric(20)")] public Wide? MaybeFlags { get; init; }
                [SqlColumn(TypeName = "numeric(20)")] public ulong Big { get; init; }
                [SqlColumn(TypeName = "char(1)")] public char Grade { get; init; }
                [SqlColumn(TypeName = "char(1)")] public char? MaybeGrade { get; init; }
                [SqlColumn(TypeName = "integer[]")] public int[] Numbers { get; init; } = [];
                [SqlColumn(TypeName = "integer[]")] public System.Collections.Generic.List<int>? More { get; init; }
                [SqlColumn(TypeName = "jsonb")] public object? Payload { get; init; }
                [SqlColumn(TypeName = "jsonb")] public dynamic? Loose { get; init; }
            """)],
        ["Span property with a TypeName"] = [Row(
            "[SqlTable(\"orders\")]",
            "[SqlColumn(TypeName = \"bytea\")] public Span<byte> Data { get => default; init { } }")],
        ["Obsolete mapped property"] = [Keyless("[Obsolete(\"use Number\")] public string? OldNumber { get; init; }")],
        ["Obsolete-as-error mapped property"] = [Row(
            "[SqlTable(\"orders\")]",
            "[Obsolete(\"gone\", error: true)] public string? OldNumber { get; init; }")],
        ["Obsolete-as-error parameterless constructor"] = [Row(
            "[SqlTable(\"orders\")]",
            "[Obsolete(\"use Create\", error: true)] public Order() { }\n    public static Order Create() => new Order(0);\n    private Order(int id) { Id = id; }",
            keywords: "public sealed partial class")],
        ["Decimal Default below decimal precision"] = [Keyless("[OptionalColumn(Default = \"1e-30\")] public decimal Rate { get; init; }")],
        ["Decimal Default that rounds past decimal.MaxValue"] = [Row(
            "[SqlTable(\"orders\")]",
            "[OptionalColumn(Default = \"79228162514264337593543950335.5\")] public decimal Rate { get; init; }")],
        ["Extreme numeric Defaults"] = [Keyless(
            """
            [OptionalColumn(Default = "-32768")] public short Small { get; init; }
                [OptionalColumn(Default = "-2147483648")] public int Medium { get; init; }
                [OptionalColumn(Default = "-9223372036854775808")] public long Large { get; init; }
                [OptionalColumn(Default = "3.4e38")] public float Real { get; init; }
                [OptionalColumn(Default = "'-Infinity'")] public float? NegativeInfinity { get; init; }
                [OptionalColumn(Default = "1.")] public double Dotted { get; init; }
                [OptionalColumn(Default = "-.5e-3")] public double Fraction { get; init; }
                [OptionalColumn(Default = "79228162514264337593543950335")] public decimal Max { get; init; }
                [OptionalColumn(Default = "'it''s'")] public string Quote { get; init; } = "it's";
                [OptionalColumn(Default = "'\\x'")] public byte[] Empty { get; init; } = [];
                [OptionalColumn(Default = "'infinity'")] public DateOnly Forever { get; init; }
            """)],

        // --- names ----------------------------------------------------------------------------------------------
        ["Extremely long type name"] = [Keyless(name: LongName)],
        ["Extremely long property name"] = [Row("[SqlTable(\"orders\")]", $"public int {LongName} {{ get; init; }}")],
        ["Extremely long namespace"] = [Keyless(ns: $"{LongName}.{LongName}")],
        ["Unicode names"] = [
            """
            using Tolerant;

            namespace Café.Bücher;

            [SqlTable("bücher.bestellungen")]
            public partial record Bestellung
            {
                public int Größe { get; init; }
                public string? 名前 { get; init; }
                public decimal Prix\u00E9 { get; init; }
            }
            """],
        ["Keyword type name"] = [Keyless(name: "@class")],
        ["Keyword namespace"] = [Keyless(ns: "Shop.@event")],
        ["Keyword containing type"] = [
            """
            using Tolerant;

            namespace Shop;

            public partial class @params
            {
                [SqlTable("orders")]
                public partial record Order
                {
                    public int Number { get; init; }
                }
            }
            """],
        ["Keyword property name"] = [Keyless("public int @class { get; init; }\n    public string? @event { get; init; }")],
        ["Types whose names differ only in case"] = [
            Keyless(name: "Order"),
            Keyless(name: "ORDER"),
        ],
        ["Namespace vs nested type, same dotted name"] = [
            """
            using Tolerant;

            namespace Shop.Sales
            {
                [SqlTable("a")]
                public partial record Order
                {
                    public int Number { get; init; }
                }
            }

            namespace Shop
            {
                public partial class SALES
                {
                    [SqlTable("b")]
                    public partial record Order
                    {
                        public int Number { get; init; }
                    }
                }
            }
            """],
    };

    /// <summary>A table type with a key, so that only the case's own problem is reported.</summary>
    private static string Row(string attribute, string? member = null, string keywords = "public partial record", string name = "Order") =>
        $$"""
        using System;
        using Tolerant;

        namespace Shop;

        {{attribute}}
        {{keywords}} {{name}}
        {
            [SqlKey] public int Id { get; init; }
            {{member ?? string.Empty}}
        }
        """;

    /// <summary>
    /// A well-formed table type without a key, for odd but legal declarations: TOL0010 (Info) is then the one
    /// diagnostic expected, and the generated code must compile.
    /// </summary>
    private static string Keyless(string? member = null, string name = "Order", string ns = "Shop") =>
        $$"""
        using System;
        using Tolerant;

        namespace {{ns}};

        [SqlTable("orders")]
        public partial record {{name}}
        {
            public int Number { get; init; }
            {{member ?? string.Empty}}
        }
        """;
}
