using System.Collections.Generic;

namespace Tolerant.Generators.Tests.Generator;

/// <summary>The catalogue of well-formed models whose whole generated output is kept as baseline files.</summary>
internal static class BaselineCases
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["SessionRecord"] = """
            using System;
            using Tolerant;

            namespace Sessions;

            [SqlTable("shared.user_sessions")]
            public sealed partial record UserSession
            {
                [SqlKey] public Guid Id { get; init; }
                public Guid UserId { get; init; }
                [SqlColumn("ip")] public string? IpAddress { get; init; }
                public DateTimeOffset CreatedAt { get; init; }
                public DateTimeOffset? ExpiresAt { get; init; }
                [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;
                [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }
                [OptionalColumn(Since = "015")] public DateTimeOffset? LogoutAt { get; init; }
                [SqlIgnore] public string? Display { get; init; }
            }
            """,

        ["PositionalRecord"] = """
            using System;
            using Tolerant;

            namespace Audit.Events;

            [SqlTable("audit.session_events", Optional = true)]
            public sealed partial record SessionEvent(
                [SqlKey] long Id,
                Guid SessionId,
                [SqlColumn("kind")] string EventKind,
                DateTimeOffset At)
            {
                [OptionalColumn(Since = "021", Default = "'web'")] public string Channel { get; init; } = "web";
                [SqlIgnore] public string Summary => $"{EventKind} at {At:O}";
            }
            """,

        ["NestedType"] = """
            using System;
            using Tolerant;

            namespace Billing;

            public static partial class Schema
            {
                public partial class Invoices
                {
                    [SqlTable("billing.invoice_lines")]
                    public partial record struct InvoiceLine
                    {
                        [SqlKey] public Guid InvoiceId { get; set; }
                        [SqlKey] public int LineNo { get; set; }
                        public decimal Amount { get; set; }
                    }
                }
            }
            """,

        ["Struct"] = """
            using System;
            using Tolerant;

            namespace Metrics;

            [SqlTable("samples")]
            public partial struct Sample
            {
                [SqlKey] public long Id { get; set; }
                public double Value { get; set; }
                [OptionalColumn(Since = "2", Default = "0")] public int Weight { get; set; }
            }

            [SqlTable("metrics.counters")]
            public partial class Counter
            {
                [SqlKey] public string Name { get; set; } = "";
                public long Count { get; init; }
            }
            """,

        ["EveryType"] = """
            using System;
            using Tolerant;

            namespace Types;

            public enum Status { Pending, Active, Closed }
            public enum Tiny : byte { A, B }
            public enum Wide : long { Big = long.MaxValue }

            [SqlTable("types.every_type")]
            public sealed partial record EveryType
            {
                [SqlKey] public int Id { get; init; }
                public bool Flag { get; init; }
                public short Small { get; init; }
                public int Number { get; init; }
                public long Big { get; init; }
                public float Single { get; init; }
                public double Double { get; init; }
                public decimal Money { get; init; }
                public string Text { get; init; } = "";
                public Guid Uuid { get; init; }
                public DateTime Stamp { get; init; }
                public DateTimeOffset StampTz { get; init; }
                public DateOnly Day { get; init; }
                public TimeOnly Time { get; init; }
                public TimeSpan Duration { get; init; }
                public byte[] Bytes { get; init; } = [];
                public Status Status { get; init; }
                public Tiny Tiny { get; init; }
                public Wide Wide { get; init; }
            }
            """,

        ["NullableForms"] = """
            using System;
            using Tolerant;

            namespace Types;

            public enum Status { Pending, Active }

            [SqlTable("types.nullable_forms")]
            public sealed partial record NullableForms
            {
                [SqlKey] public int Id { get; init; }
                public bool? Flag { get; init; }
                public short? Small { get; init; }
                public int? Number { get; init; }
                public long? Big { get; init; }
                public float? Single { get; init; }
                public double? Double { get; init; }
                public decimal? Money { get; init; }
                public string? Text { get; init; }
                public Guid? Uuid { get; init; }
                public DateTime? Stamp { get; init; }
                public DateTimeOffset? StampTz { get; init; }
                public DateOnly? Day { get; init; }
                public TimeOnly? Time { get; init; }
                public TimeSpan? Duration { get; init; }
                public byte[]? Bytes { get; init; }
                public Status? Status { get; init; }
            }
            """,

        ["CustomNames"] = """
            using System;
            using System.Collections.Generic;
            using Tolerant;

            namespace Hostile;

            [SqlTable("\"Odd.Schema\".\"User \"\"Sessions\"\"\"")]
            public sealed partial record OddNames
            {
                [SqlKey, SqlColumn("ID")] public Guid Id { get; init; }
                [SqlColumn("select")] public string? Select { get; init; }
                [SqlColumn("naïve café")] public string? Unicode { get; init; }
                [SqlColumn("with \"quotes\" and \\ slash")] public int Weird { get; init; }
                public string? IPAddress { get; init; }
                public int UserID2Count { get; init; }
                [SqlColumn(TypeName = "varchar(64)")] public string? Label { get; init; }
                [SqlColumn("tags", TypeName = "text[]")] public string[]? Tags { get; init; }
                [SqlColumn(TypeName = "jsonb"), OptionalColumn(Since = "007", Default = "'{}'")] public string Settings { get; init; } = "{}";
                [SqlColumn("props", TypeName = "hstore")] public Dictionary<string, string?>? Properties { get; init; }
                public int @class { get; init; }
            }
            """,

        ["OptionalDefaults"] = """
            using System;
            using Tolerant;

            namespace Defaults;

            public enum Tier { Free = 0, Paid = 1 }

            [SqlTable("accounts")]
            public sealed partial record Account
            {
                [SqlKey] public Guid Id { get; init; }
                [OptionalColumn(Since = "030", Default = "FALSE")] public bool Locked { get; init; }
                [OptionalColumn(Since = "030", Default = "+42")] public int Quota { get; init; } = 42;
                [OptionalColumn(Since = "030", Default = "-1")] public long Balance { get; init; } = -1;
                [OptionalColumn(Since = "030", Default = "1.5e3")] public double Ratio { get; init; } = 1500;
                [OptionalColumn(Since = "030", Default = "12.50")] public decimal Fee { get; init; } = 12.50m;
                [OptionalColumn(Since = "030", Default = "'it''s'")] public string Motto { get; init; } = "it's";
                [OptionalColumn(Since = "030", Default = "'00000000-0000-0000-0000-000000000000'")] public Guid Tenant { get; init; }
                [OptionalColumn(Since = "030", Default = "'2000-01-01 00:00:00+00'")] public DateTimeOffset Since { get; init; }
                [OptionalColumn(Since = "030", Default = "'2000-01-31'")] public DateOnly Start { get; init; }
                [OptionalColumn(Since = "030", Default = "'08:30:00'")] public TimeOnly Opens { get; init; }
                [OptionalColumn(Since = "030", Default = "'1 day 2 hours'")] public TimeSpan Grace { get; init; }
                [OptionalColumn(Since = "030", Default = "'\\x00ff'")] public byte[] Salt { get; init; } = [0, 255];
                [OptionalColumn(Since = "030", Default = "1")] public Tier Tier { get; init; } = Tier.Paid;
                [OptionalColumn(Default = "NULL")] public string? Note { get; init; }
                [OptionalColumn] public int? Score { get; init; }
            }
            """,

        ["GlobalNamespace"] = """
            using Tolerant;

            [SqlTable("things")]
            internal partial class Thing
            {
                [SqlKey] public int Id { get; set; }
                public string? Name { get; set; }
            }

            [SqlTable("logs")]
            internal partial record LogLine(string Message, int Level);
            """,
    };
}
