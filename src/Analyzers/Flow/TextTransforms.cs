using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>Library methods whose result is (a slice of) their text input: encoders, converters, LINQ over chars.</summary>
internal static class TextTransforms
{
    /// <summary>
    /// Convert, Encoding, Uri escaping, WebUtility, HttpUtility, the web encoders (UrlEncoder, HtmlEncoder, WebEncoders,
    /// Base64UrlTextEncoder, System.Buffers.Text.Base64Url), JsonSerializer, MemoryExtensions, AuthenticationHeaderValue.Parse, LINQ copies, and the Razor component generator's
    /// BindConverter.FormatValue and RuntimeHelpers.TypeCheck keep the whole secret.
    /// </summary>
    public static bool IsTransparent(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return FlowTypes.IsNamed(type, "Convert", "System")
            || FlowTypes.IsDerivedFrom(type, "Encoding", "System.Text")
            || FlowTypes.IsDerivedFrom(type, "TextEncoder", "System.Text.Encodings.Web")
            || FlowTypes.IsNamed(type, "WebEncoders", "Microsoft.AspNetCore.WebUtilities")
            || FlowTypes.IsNamed(type, "Base64UrlTextEncoder", "Microsoft.AspNetCore.Authentication")
            || FlowTypes.IsNamed(type, "Base64Url", "System.Buffers.Text")
            || (FlowTypes.IsNamed(type, "Uri", "System") && method.Name.EndsWith("DataString", System.StringComparison.Ordinal))
            || (FlowTypes.IsNamed(type, "Uri", "System") && method.Name == "EscapeUriString")
            || FlowTypes.IsNamed(type, "WebUtility", "System.Net")
            || FlowTypes.IsNamed(type, "HttpUtility", "System.Web")
            || (FlowTypes.IsNamed(type, "JsonSerializer", "System.Text.Json") && method.Name.StartsWith("Serialize", System.StringComparison.Ordinal))
            || FlowTypes.IsNamed(type, "MemoryExtensions", "System")
            || (AuthorizationHeaders.IsHeaderValue(type) && method.Name == "Parse")
            || (FlowTypes.IsNamed(type, "Enumerable", "System.Linq") && method.Name is "ToArray" or "ToList" or "AsEnumerable" or "Concat" or "Reverse" or "Append" or "Prepend")
            || FlowTypes.IsNamed(type, "StringValues", "Microsoft.Extensions.Primitives")
            || (FlowTypes.IsNamed(type, "BindConverter", "Microsoft.AspNetCore.Components") && method.Name == "FormatValue")
            || (FlowTypes.IsNamed(type, "RuntimeHelpers", "Microsoft.AspNetCore.Components.CompilerServices") && method.Name == "TypeCheck");
    }

    /// <summary>Enumerable.Take/Skip/…, MemoryExtensions.AsSpan/AsMemory with bounds: calls whose first argument is the sliced text.</summary>
    public static bool IsSlicing(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (FlowTypes.IsNamed(type, "Enumerable", "System.Linq"))
        {
            return method.Name is "Take" or "Skip" or "TakeLast" or "SkipLast" or "First" or "Last" or "ElementAt"
                or "FirstOrDefault" or "LastOrDefault" or "TakeWhile" or "SkipWhile";
        }

        return FlowTypes.IsNamed(type, "MemoryExtensions", "System")
            && method.Name is "AsSpan" or "AsMemory"
            && method.Parameters.Length > 1;
    }

    public static Slice SliceOf(IInvocationOperation invocation)
    {
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "TakeLast":
                return arguments.Length == 2 && Constant(arguments[1].Value) is >= 0 and <= 4 ? Slice.LastFour : Slice.Partial;
            case "Skip":
                return arguments.Length == 2 && FromEnd(arguments[1].Value) is >= 0 and <= 4 ? Slice.LastFour : Slice.Partial;
            case "Last":
            case "LastOrDefault":
                return arguments.Length == 1 ? Slice.LastFour : Slice.Partial;
            case "AsSpan":
            case "AsMemory":
                return BoundsKeepLastFour(arguments, 1) ? Slice.LastFour : Slice.Partial;
            default:
                return Slice.Partial;
        }
    }

    /// <summary><c>key.Substring(key.Length - 4)</c> keeps the last four; <c>key.Substring(0, 6)</c> does not.</summary>
    public static Slice SliceOfSubstring(IInvocationOperation invocation) =>
        BoundsKeepLastFour(invocation.Arguments, 0) ? Slice.LastFour : Slice.Partial;

    /// <summary><c>^4..</c>, <c>^3..^0</c>, <c>(key.Length - 4)..</c>.</summary>
    public static bool IsLastFourRange(IRangeOperation range) =>
        range.LeftOperand is { } left
        && FromEnd(left) is >= 0 and <= 4
        && (range.RightOperand is null || FromEnd(range.RightOperand) == 0);

    /// <summary>n for <c>^n</c> or <c>x.Length - n</c> (also inside <c>Math.Max(0, …)</c>); otherwise null.</summary>
    public static int? FromEnd(IOperation operation)
    {
        switch (operation.WithoutConversions())
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat:
                return Constant(hat.Operand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } subtract
                when subtract.LeftOperand is IPropertyReferenceOperation { Property.Name: "Length" or "Count" }:
                return Constant(subtract.RightOperand);
            case IInvocationOperation { TargetMethod.Name: "Max", Arguments.Length: 2 } max
                when FlowTypes.IsNamed(max.TargetMethod.ContainingType, "Math", "System"):
                return FromEnd(max.Arguments[0].Value) ?? FromEnd(max.Arguments[1].Value);
            default:
                return null;
        }
    }

    private static bool BoundsKeepLastFour(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int startIndex)
    {
        if (arguments.Length <= startIndex || FromEnd(arguments[startIndex].Value) is not (>= 0 and <= 4))
        {
            return false;
        }

        return arguments.Length == startIndex + 1 || Constant(arguments[startIndex + 1].Value) is >= 0 and <= 4;
    }

    private static int? Constant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: int value } ? value : null;
}
