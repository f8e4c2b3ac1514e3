using System.Collections.Generic;

namespace Tolerant.Generators.Sql;

internal sealed partial class SqlResolver
{
    /// <summary>What an expression is read for: the scope its names resolve in and the clause they belong to.</summary>
    private readonly struct ExpressionContext
    {
        public ExpressionContext(SqlScope scope, SqlClause clause, HashSet<string>? outputAliases = null, bool suppressColumns = false)
        {
            Scope = scope;
            Clause = clause;
            OutputAliases = outputAliases;
            SuppressColumns = suppressColumns;
        }

        public SqlScope Scope { get; }

        public SqlClause Clause { get; }

        /// <summary>Select-list aliases that a bare name means here (ORDER BY, GROUP BY) rather than a column.</summary>
        public HashSet<string>? OutputAliases { get; }

        /// <summary>Names here are output columns of a set operation, not columns of a table.</summary>
        public bool SuppressColumns { get; }

        public ExpressionContext With(SqlClause clause) => new(Scope, clause, OutputAliases, SuppressColumns);
    }
}
