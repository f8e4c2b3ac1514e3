using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Tolerant.Generators.Analyzers.RawSql;

/// <summary>
/// Folds a string expression into SQL text at compile time: literals (regular, verbatim, raw), constants, <c>+</c>
/// concatenations and interpolations. A part that is not constant (an interpolation hole, a variable) becomes an
/// opaque parameter <c>@__holeN</c>, so the SQL around it can still be read; an expression with no constant part at
/// all is not SQL the analyzer can read.
/// </summary>
internal static class SqlTextFolder
{
    // (MethodImplOptions)512 is AggressiveOptimization, absent from netstandard2.0: these hot methods are JIT-compiled optimized at first call, as the compiler process seldom tiers them up.
    [MethodImpl((MethodImplOptions)512)]
    public static SqlText? Fold(IOperation operation)
    {
        var value = operation.ConstantValue;
        if (value.HasValue)
        {
            return value.Value is string constant ? new SqlText(constant, operation.Syntax, PlainLiteral(operation.Syntax)) : null;
        }

        var builder = new StringBuilder();
        var holes = 0;
        var constantParts = 0;
        Append(operation, builder, ref holes, ref constantParts);
        return constantParts == 0 ? null : new SqlText(builder.ToString(), operation.Syntax, literal: null);
    }

    [MethodImpl((MethodImplOptions)512)]
    private static void Append(IOperation operation, StringBuilder builder, ref int holes, ref int constantParts)
    {
        while (operation is IConversionOperation { Operand: { } operand } && operand.Type?.SpecialType == SpecialType.System_String)
        {
            operation = operand;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            builder.Append(constant);
            constantParts++;
            return;
        }

        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                Append(add.LeftOperand, builder, ref holes, ref constantParts);
                Append(add.RightOperand, builder, ref holes, ref constantParts);
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } })
                    {
                        builder.Append(text);
                        constantParts++;
                    }
                    else
                    {
                        builder.Append("@__hole").Append(holes++);
                    }
                }

                return;
            default:
                builder.Append("@__hole").Append(holes++);
                return;
        }
    }

    /// <summary>The string literal token when the expression is exactly one literal.</summary>
    private static SyntaxToken? PlainLiteral(SyntaxNode syntax) =>
        syntax is LiteralExpressionSyntax literal && literal.Token.IsKind(SyntaxKind.StringLiteralToken) ||
        syntax is LiteralExpressionSyntax { Token.RawKind: (int)SyntaxKind.SingleLineRawStringLiteralToken or (int)SyntaxKind.MultiLineRawStringLiteralToken }
            ? ((LiteralExpressionSyntax)syntax).Token
            : null;
}
