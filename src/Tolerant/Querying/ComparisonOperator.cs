namespace Tolerant.Querying;

/// <summary>The comparisons a condition can make.</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

internal static class ComparisonOperatorText
{
    public static string Sql(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => " = ",
        ComparisonOperator.NotEqual => " <> ",
        ComparisonOperator.LessThan => " < ",
        ComparisonOperator.LessThanOrEqual => " <= ",
        ComparisonOperator.GreaterThan => " > ",
        _ => " >= ",
    };
}
