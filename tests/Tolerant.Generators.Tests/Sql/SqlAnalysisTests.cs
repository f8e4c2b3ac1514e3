using System;
using System.Linq;
using System.Reflection;
using Tolerant.Generators.Sql;
using Xunit;

namespace Tolerant.Generators.Tests.Sql;

/// <summary>The shape of what the analysis reports: offsets, clauses, usages, levels, output columns, statements.</summary>
public sealed class SqlAnalysisTests
{
    [Fact]
    public void Column_offsets_cover_the_name_as_written()
    {
        const string Sql = "SELECT s.\"UserName\", shared.user_sessions.Ip, U&\"d\\0061ta\" FROM shared.user_sessions s";
        var statement = Assert.Single(SqlAnalysis.Analyze(Sql).Statements);
        Assert.Equal(
            new[] { "\"UserName\"", "Ip", "U&\"d\\0061ta\"" },
            statement.Columns.Select(column => Sql.Substring(column.Start, column.Length)));
        Assert.Equal(new[] { "UserName", "ip", "data" }, statement.Columns.Select(column => column.Name));
    }

    [Fact]
    public void Table_offsets_cover_the_qualified_name_or_the_parenthesized_subquery()
    {
        const string Sql = "SELECT 1 FROM shared . user_sessions s JOIN (SELECT 2) AS q ON true, \"Shared\".\"T\", generate_series(1, 2) g";
        var statement = Assert.Single(SqlAnalysis.Analyze(Sql).Statements);
        Assert.Equal(
            new[] { "shared . user_sessions", "(SELECT 2)", "\"Shared\".\"T\"", "generate_series" },
            statement.Tables.Select(table => Sql.Substring(table.Start, table.Length)));
    }

    [Fact]
    public void Columns_name_their_qualifier_and_schema()
    {
        var column = Assert.Single(Assert.Single(SqlAnalysis.Analyze("SELECT shared.user_sessions.ip FROM shared.user_sessions").Statements).Columns);
        Assert.Equal(("ip", "user_sessions", "shared"), (column.Name, column.Qualifier, column.QualifierSchema));
        var table = Assert.IsType<SqlTableReference>(column.Table);
        Assert.Equal(("shared", "user_sessions", (string?)null, SqlTableKind.Table), (table.Schema, table.Name, table.Alias, table.Kind));
    }

    [Fact]
    public void Every_column_says_which_clause_names_it()
    {
        const string Sql =
            "WITH c AS (SELECT 1 AS k) " +
            "SELECT DISTINCT ON (d) s FROM t JOIN u ON o = 1 JOIN v USING (us) " +
            "WHERE w = 1 GROUP BY g HAVING h > 0 WINDOW win AS (PARTITION BY p) ORDER BY ob LIMIT lim";
        var clauses = Assert.Single(SqlAnalysis.Analyze(Sql).Statements).Columns.Select(column => (column.Name, column.Clause));
        Assert.Equal(
            new[]
            {
                ("d", SqlClause.DistinctOn), ("s", SqlClause.Select), ("o", SqlClause.JoinOn), ("us", SqlClause.JoinUsing),
                ("w", SqlClause.Where), ("g", SqlClause.GroupBy), ("h", SqlClause.Having), ("p", SqlClause.Window),
                ("ob", SqlClause.OrderBy), ("lim", SqlClause.Limit),
            },
            clauses);
    }

    [Fact]
    public void Data_changes_say_which_clause_names_each_column()
    {
        var insert = SqlAnalysis.Analyze(
            "INSERT INTO t (i) VALUES (1) ON CONFLICT (ct) DO UPDATE SET st = sv RETURNING r").Statements[0];
        Assert.Equal(
            new[] { ("i", SqlClause.InsertColumn), ("ct", SqlClause.ConflictTarget), ("st", SqlClause.SetTarget), ("sv", SqlClause.SetValue), ("r", SqlClause.Returning) },
            insert.Columns.Select(column => (column.Name, column.Clause)));

        var merge = SqlAnalysis.Analyze(
            "MERGE INTO t USING s ON mo = 1 WHEN MATCHED AND mc THEN UPDATE SET st = 1 WHEN NOT MATCHED THEN INSERT (i) VALUES (v)").Statements[0];
        Assert.Equal(
            new[] { ("mo", SqlClause.MergeOn), ("mc", SqlClause.MergeCondition), ("st", SqlClause.SetTarget), ("i", SqlClause.InsertColumn), ("v", SqlClause.Values) },
            merge.Columns.Select(column => (column.Name, column.Clause)));

        var copy = SqlAnalysis.Analyze("COPY t (a) FROM STDIN; SELECT 1 FROM unnest(x) f").Statements;
        Assert.Equal(SqlClause.CopyColumn, Assert.Single(copy[0].Columns).Clause);
        Assert.Equal(SqlClause.From, Assert.Single(copy[1].Columns).Clause);
    }

    [Theory]
    [InlineData("SELECT 1 FROM t", nameof(SqlTableUsage.Read))]
    [InlineData("INSERT INTO t VALUES (1)", nameof(SqlTableUsage.Insert))]
    [InlineData("UPDATE t SET a = 1", nameof(SqlTableUsage.Update))]
    [InlineData("DELETE FROM t", nameof(SqlTableUsage.Delete))]
    [InlineData("MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE", nameof(SqlTableUsage.Merge))]
    [InlineData("COPY t FROM STDIN", nameof(SqlTableUsage.Copy))]
    [InlineData("TRUNCATE t", nameof(SqlTableUsage.Delete))]
    public void The_changed_table_carries_its_usage(string sql, string usage) =>
        Assert.Equal(usage, SqlAnalysis.Analyze(sql).Statements[0].Tables[0].Usage.ToString());

    [Fact]
    public void Statements_carry_their_kind_and_span()
    {
        const string Sql = "  SELECT 1 ;\nINSERT INTO t VALUES (1);VALUES (2); DELETE FROM t ; UPDATE t SET a = 1; MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE; COPY t TO STDOUT; VACUUM t; WITH c AS (SELECT 1) DELETE FROM t";
        var statements = SqlAnalysis.Analyze(Sql).Statements;
        Assert.Equal(
            new[]
            {
                SqlStatementKind.Select, SqlStatementKind.Insert, SqlStatementKind.Values, SqlStatementKind.Delete, SqlStatementKind.Update,
                SqlStatementKind.Merge, SqlStatementKind.Copy, SqlStatementKind.Other, SqlStatementKind.Delete,
            },
            statements.Select(statement => statement.Kind));
        Assert.Equal("SELECT 1", Sql.Substring(statements[0].Start, statements[0].Length));
        Assert.Equal("INSERT INTO t VALUES (1)", Sql.Substring(statements[1].Start, statements[1].Length));
        Assert.Equal("WITH c AS (SELECT 1) DELETE FROM t", Sql.Substring(statements[8].Start, statements[8].Length));
    }

    [Fact]
    public void A_semicolon_inside_parentheses_does_not_split()
    {
        var statements = SqlAnalysis.Analyze("SELECT (a; b) FROM t; SELECT c FROM u").Statements;
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void Candidates_are_ordered_nearest_level_first()
    {
        var statement = SqlAnalysis.Analyze(
            "SELECT 1 FROM a, b WHERE EXISTS (SELECT 1 FROM c, d WHERE x = 1)").Statements[0];
        var x = Assert.Single(statement.Columns);
        Assert.True(x.IsAmbiguous);
        Assert.Null(x.Table);
        Assert.Equal(new[] { ("c", 0), ("d", 0), ("a", 1), ("b", 1) }, x.Candidates.Select(candidate => (candidate.Table.Name!, candidate.Level)));
    }

    [Fact]
    public void Derived_sources_expose_their_output_columns_when_known()
    {
        var tables = SqlAnalysis.Analyze(
            "WITH c AS (SELECT id, lower(name), name AS n, t.k::text, count(*) FROM t), d(x, y) AS (SELECT 1, 2), e AS (SELECT * FROM t) " +
            "SELECT 1 FROM c, d, e, (VALUES (1, 2)) v, (SELECT a FROM t) AS s(renamed), unnest(@p) AS u(tag), shared.users").Statements[0].Tables;
        string?[] Columns(string name) => tables.Single(table => table.ExposedName == name).OutputColumns?.ToArray()!;
        Assert.Equal(new[] { "id", "lower", "n", "k", "count" }, Columns("c"));
        Assert.Equal(new[] { "x", "y" }, Columns("d"));
        Assert.Null(Columns("e"));
        Assert.Equal(new[] { "column1", "column2" }, Columns("v"));
        Assert.Equal(new[] { "renamed" }, Columns("s"));
        Assert.Equal(new[] { "tag" }, Columns("u"));
        Assert.Null(Columns("users"));
    }

    [Fact]
    public void A_name_that_is_also_a_source_may_be_its_whole_row()
    {
        var columns = SqlAnalysis.Analyze("SELECT row_to_json(s), to_jsonb(t), u, is_active FROM shared.user_sessions s, t").Statements[0].Columns;
        Assert.Equal(
            new[] { ("s", "s"), ("t", "t"), ("u", null), ("is_active", null) },
            columns.Select(column => (column.Name, column.WholeRowTable?.ExposedName)));
        Assert.Equal(2, columns[0].Candidates.Count);
    }

    [Fact]
    public void A_cte_reference_is_marked_as_one()
    {
        var tables = SqlAnalysis.Analyze("WITH users AS (SELECT 1) SELECT 1 FROM users, shared.users").Statements[0].Tables;
        Assert.Equal(new[] { true, false }, tables.Select(table => table.IsCte));
    }

    [Fact]
    public void Analyses_of_the_same_text_are_equal_values()
    {
        const string Sql = "SELECT s.id, is_active FROM shared.user_sessions s JOIN u USING (k) WHERE EXISTS (SELECT 1 FROM v WHERE w = s.x)";
        Assert.Equal(SqlAnalysis.Analyze(Sql), SqlAnalysis.Analyze(Sql));
        Assert.Equal(SqlAnalysis.Analyze(Sql).GetHashCode(), SqlAnalysis.Analyze(Sql).GetHashCode());
        Assert.NotEqual(SqlAnalysis.Analyze(Sql), SqlAnalysis.Analyze(Sql.Replace("w =", "z =")));
    }

    [Fact]
    public void Null_and_empty_text_give_no_statements()
    {
        Assert.Empty(SqlAnalysis.Analyze(null).Statements);
        Assert.Empty(SqlAnalysis.Analyze("").Statements);
        Assert.Empty(SqlAnalysis.Analyze(" ;; -- nothing\n /* at all */ ").Statements);
    }

    [Fact]
    public void The_sql_layer_holds_no_Roslyn_type()
    {
        var problems =
            from type in typeof(SqlAnalysis).Assembly.GetTypes()
            where type.Namespace == typeof(SqlAnalysis).Namespace
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from used in TypesOf(member)
            where used.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true
            select $"{type.Name}.{member.Name} uses {used.FullName}";
        Assert.Empty(problems);
    }

    private static Type[] TypesOf(MemberInfo member) => member switch
    {
        FieldInfo field => new[] { field.FieldType },
        PropertyInfo property => new[] { property.PropertyType },
        MethodInfo method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType).ToArray(),
        ConstructorInfo constructor => constructor.GetParameters().Select(parameter => parameter.ParameterType).ToArray(),
        _ => Array.Empty<Type>(),
    };
}
