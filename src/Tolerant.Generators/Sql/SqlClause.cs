namespace Tolerant.Generators.Sql;

/// <summary>Where in its statement a column is named.</summary>
internal enum SqlClause
{
    Select,
    DistinctOn,

    /// <summary>An argument of a function in FROM (<c>unnest(t.tags)</c>).</summary>
    From,

    JoinOn,

    /// <summary><c>JOIN ... USING (col)</c>: the column is read from both sides.</summary>
    JoinUsing,

    Where,
    GroupBy,
    Having,
    Window,
    OrderBy,

    /// <summary><c>LIMIT</c>, <c>OFFSET</c> or <c>FETCH</c>.</summary>
    Limit,

    /// <summary>A row of <c>VALUES</c>, in a query or an <c>INSERT</c>.</summary>
    Values,

    /// <summary>The column list of <c>INSERT INTO t (col, ...)</c> or of a MERGE's <c>INSERT</c>.</summary>
    InsertColumn,

    /// <summary>The conflict target of <c>ON CONFLICT (col, ...)</c> and its <c>WHERE</c>.</summary>
    ConflictTarget,

    /// <summary>The column a <c>SET col = ...</c> assigns.</summary>
    SetTarget,

    /// <summary>The value a <c>SET col = ...</c> assigns.</summary>
    SetValue,

    Returning,

    /// <summary>The join condition of <c>MERGE ... ON</c>.</summary>
    MergeOn,

    /// <summary>The condition of <c>WHEN [NOT] MATCHED AND ...</c>.</summary>
    MergeCondition,

    /// <summary>The column list of <c>COPY t (col, ...)</c>.</summary>
    CopyColumn,
}
