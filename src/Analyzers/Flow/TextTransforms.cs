using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>Library methods whose result is (a slice of) their text input: encoders, converters, LINQ over chars.</summary>
internal static class TextTransforms
{
    /// <summary>
    /// Convert, Encoding, Uri escaping, WebUtility, HttpUtility, the web encoders (UrlEncoder, HtmlEncoder, WebEncoders,
    /// Base64UrlTextEncoder, System.Buffers.Text.Base64Url), JsonSerializer, a view's Html.Raw and Json.Serialize, MemoryExtensions, AuthenticationHeaderValue.Parse, LINQ copies, and the Razor component generator's
    /// BindConverter.FormatValue and RuntimeHelpers.TypeCheck keep the whole secret, and a task made from a result or a
    /// message body's <c>BinaryData</c> made from text holds it.
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
            || SerializedText.IsJsonSerialization(method)
            || IsViewWritingHelper(method)
            || FlowTypes.IsNamed(type, "MemoryExtensions", "System")
            || (AuthorizationHeaders.IsHeaderValue(type) && method.Name == "Parse")
            || (FlowTypes.IsNamed(type, "Enumerable", "System.Linq") && method.Name is "ToArray" or "ToList" or "AsEnumerable" or "Concat" or "Reverse" or "Append" or "Prepend")
            || PicksElements(method)
            || (FlowTypes.IsNamed(type, "Queryable", "System.Linq") && method.Name is "AsQueryable" or "Concat" or "Reverse" or "Append" or "Prepend")
            // await query.ToListAsync(): Entity Framework runs the query and hands back what it selects.
            || (FlowTypes.IsNamed(type, "EntityFrameworkQueryableExtensions", "Microsoft.EntityFrameworkCore")
                && method.Name is "ToListAsync" or "ToArrayAsync" or "AsAsyncEnumerable" or "AsNoTracking" or "FirstAsync" or "FirstOrDefaultAsync"
                    or "SingleAsync" or "SingleOrDefaultAsync" or "LastAsync" or "LastOrDefaultAsync")
            || FlowTypes.IsNamed(type, "StringValues", "Microsoft.Extensions.Primitives")
            || (FlowTypes.IsNamed(type, "BindConverter", "Microsoft.AspNetCore.Components") && method.Name == "FormatValue")
            || (FlowTypes.IsNamed(type, "RuntimeHelpers", "Microsoft.AspNetCore.Components.CompilerServices") && method.Name == "TypeCheck")
            || IsTaskFromResult(method)
            || IsBinaryDataOfText(method);
    }

    /// <summary>
    /// <c>BinaryData.FromString(text)</c>, <c>FromBytes(bytes)</c>: the bytes of a Service Bus or Event Hubs message's
    /// body, which hold the text as it is (<c>new BinaryData(text)</c> is followed with the other constructors).
    /// </summary>
    private static bool IsBinaryDataOfText(IMethodSymbol method) =>
        method.Name is "FromString" or "FromBytes" && FlowTypes.IsBinaryData(method.ContainingType);

    /// <summary><c>Task.FromResult(value)</c>, <c>ValueTask.FromResult(value)</c>: a finished task that holds the value (a gRPC service's reply).</summary>
    public static bool IsTaskFromResult(IMethodSymbol method) =>
        method.Name == "FromResult"
        && (FlowTypes.IsNamed(method.ContainingType, "Task", "System.Threading.Tasks") || FlowTypes.IsNamed(method.ContainingType, "ValueTask", "System.Threading.Tasks"));

    /// <summary>
    /// A view's <c>@Html.Raw(value)</c> and <c>@Json.Serialize(value)</c>: HTML content holding the value as it is, or
    /// its JSON (which <see cref="SerializedText"/> also reads for an object's members).
    /// </summary>
    public static bool IsViewWritingHelper(IMethodSymbol method) =>
        (method.Name == "Raw" && FlowTypes.IsNamed(method.ContainingType, "IHtmlHelper", "Microsoft.AspNetCore.Mvc.Rendering"))
        || IsViewJsonSerialize(method);

    /// <summary>A view's <c>@Json.Serialize(value)</c>.</summary>
    public static bool IsViewJsonSerialize(IMethodSymbol method) =>
        method.Name == "Serialize" && FlowTypes.IsNamed(method.ContainingType, "IJsonHelper", "Microsoft.AspNetCore.Mvc.Rendering");

    /// <summary>
    /// Enumerable.Take/Skip/… of a text's characters, MemoryExtensions.AsSpan/AsMemory with bounds: calls whose first
    /// argument is the sliced text.
    /// </summary>
    public static bool IsSlicing(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (FlowTypes.IsNamed(type, "Enumerable", "System.Linq"))
        {
            return IsPicking(method.Name) && SourceOfChars(method);
        }

        return FlowTypes.IsNamed(type, "MemoryExtensions", "System")
            && method.Name is "AsSpan" or "AsMemory"
            && method.Parameters.Length > 1;
    }

    private static bool IsPicking(string name) =>
        name is "Take" or "Skip" or "TakeLast" or "SkipLast" or "First" or "Last" or "ElementAt"
            or "FirstOrDefault" or "LastOrDefault" or "TakeWhile" or "SkipWhile";

    /// <summary>
    /// LINQ calls whose result is elements of their source as they are: <c>First()</c>, <c>Take</c>, <c>Where</c>,
    /// <c>OrderBy</c>, <c>Single</c>, <c>Distinct</c>, <c>ToList</c>… (of a text, some of its characters).
    /// </summary>
    public static bool YieldsSourceElements(IMethodSymbol method) =>
        (IsPicking(method.Name)
            || method.Name is "Where" or "Distinct" or "DistinctBy" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending"
                or "Order" or "OrderDescending" or "Reverse" or "ToArray" or "ToList" or "ToHashSet" or "AsEnumerable" or "Single"
                or "SingleOrDefault" or "ElementAtOrDefault")
        && FlowTypes.IsNamed(method.ContainingType, "Enumerable", "System.Linq");

    /// <summary>Elements of a source that is not a text's characters: whole elements (<c>settings.First()</c>).</summary>
    private static bool PicksElements(IMethodSymbol method) => YieldsSourceElements(method) && !SourceOfChars(method);

    /// <summary>Whether a LINQ method's source is a text's characters (<c>key.Take(8)</c>), whose elements are parts of the text.</summary>
    private static bool SourceOfChars(IMethodSymbol method) =>
        method.TypeArguments.Length > 0 && method.TypeArguments[0].SpecialType == SpecialType.System_Char;

    /// <summary>LINQ calls whose result holds what their lambdas return: <c>Select</c>, <c>SelectMany</c>, <c>ToDictionary</c>, <c>ToLookup</c>, <c>GroupBy</c>.</summary>
    public static bool IsProjection(IMethodSymbol method) =>
        method.Name is "Select" or "SelectMany" or "ToDictionary" or "ToLookup" or "GroupBy"
        && (FlowTypes.IsNamed(method.ContainingType, "Enumerable", "System.Linq") || FlowTypes.IsNamed(method.ContainingType, "Queryable", "System.Linq"));

    /// <summary>Projections given only a key selector keep the source's elements as the values.</summary>
    public static bool GroupsElements(IMethodSymbol method) => method.Name is "ToDictionary" or "ToLookup" or "GroupBy";

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

    /// <summary>
    /// Which branch of <paramref name="condition"/> runs only for a text of at most four characters, and which text:
    /// <c>key.Length &lt;= 4</c> (true), <c>key.Length &gt; 4</c> (false), also with <c>string.IsNullOrEmpty(key) ||</c>
    /// before it; null when neither does. The branch may show that text whole: it shows no more than its last four.
    /// </summary>
    private static bool? ShortBranch(IOperation condition, out IOperation? text)
    {
        text = null;
        switch (condition.WithoutConversions())
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                // IsNullOrEmpty(key) || key.Length <= 4: both make the true branch short.
                return (IsNullOrEmptyOf(or.LeftOperand) is { } empty && ShortBranch(or.RightOperand, out text) == true && SameText(empty, text))
                    || (IsNullOrEmptyOf(or.RightOperand) is { } emptyToo && ShortBranch(or.LeftOperand, out text) == true && SameText(emptyToo, text))
                    ? true
                    : null;
            case IInvocationOperation call when IsNullOrEmptyOf(call) is { } tested:
                // IsNullOrEmpty(key) ? key : …: an empty key shown whole shows nothing.
                text = tested;
                return true;
            case IBinaryOperation comparison:
                if (LengthOf(comparison.LeftOperand) is { } left && Constant(comparison.RightOperand) is { } right)
                {
                    text = left;
                    return ShortWhen(comparison.OperatorKind, right);
                }

                if (LengthOf(comparison.RightOperand) is { } mirrored && Constant(comparison.LeftOperand) is { } bound)
                {
                    text = mirrored;
                    return ShortWhen(Mirror(comparison.OperatorKind), bound);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a slice keeps a part fixed in the code, whatever the text (<c>key[..8]</c>, <c>key.Substring(0, 6)</c>,
    /// <c>key.Take(8)</c>), rather than one that depends on the text or on a value passed in (<c>key[i]</c> in a
    /// loop, <c>key[^visible..]</c>): what a masking helper certainly gives away.
    /// </summary>
    public static bool IsFixedSlice(IOperation slice)
    {
        switch (slice)
        {
            case IImplicitIndexerReferenceOperation { Argument: var argument }:
                return IsFixedBound(argument);
            case IPropertyReferenceOperation { Arguments.Length: 1 } indexer:
                return IsFixedBound(indexer.Arguments[0].Value);
            case IInvocationOperation { Arguments: var arguments } call:
                var fixedBound = false;
                foreach (var bound in arguments)
                {
                    // The text itself, as an extension method's first argument, is no bound.
                    if (bound.Value.Type?.SpecialType == SpecialType.System_String || (call.TargetMethod.IsExtensionMethod && bound.Parameter?.Ordinal == 0))
                    {
                        continue;
                    }

                    if (!IsFixedBound(bound.Value))
                    {
                        return false;
                    }

                    fixedBound = true;
                }

                return fixedBound;
            default:
                return false;
        }
    }

    private static bool IsFixedBound(IOperation bound) =>
        bound.WithoutConversions() is IRangeOperation range
            ? (range.LeftOperand is null || IsFixed(range.LeftOperand)) && (range.RightOperand is null || IsFixed(range.RightOperand))
            : IsFixed(bound);

    private static bool IsFixed(IOperation bound)
    {
        bound = bound.WithoutConversions();
        return bound.ConstantValue.HasValue || (bound is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat && hat.Operand.ConstantValue.HasValue);
    }

    /// <summary>
    /// Whether <paramref name="branch"/> of <paramref name="conditional"/> runs only when the text its condition tests is at
    /// most four characters long, and <paramref name="shown"/> is that text: <c>key.Length &lt;= 4 ? key : …</c>, or
    /// <c>if (key.Length &lt;= 4) return key;</c>. Shown whole there, the text shows no more than its last four.
    /// </summary>
    public static bool ShowsOnlyShortText(IConditionalOperation conditional, IOperation? branch, IOperation shown) =>
        branch is not null
        && ShortBranch(conditional.Condition, out var text) is { } shortWhen
        && ReferenceEquals(shortWhen ? conditional.WhenTrue : conditional.WhenFalse, branch)
        && SameText(text, shown);

    /// <summary>
    /// Whether two operations read the same local, parameter, field or property, also when one gives an empty text for a
    /// null one (<c>key ?? ""</c>, <c>key ?? string.Empty</c>: how a <c>string?</c> is returned as a <c>string</c>).
    /// </summary>
    private static bool SameText(IOperation? a, IOperation? b) =>
        a is not null && b is not null && ReferenceOf(OrEmpty(a)) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol, ReferenceOf(OrEmpty(b)));

    /// <summary>The text <c>text ?? ""</c> reads, under conversions.</summary>
    private static IOperation OrEmpty(IOperation operation)
    {
        operation = operation.WithoutConversions();
        while (operation is ICoalesceOperation coalesce && IsEmptyText(coalesce.WhenNull))
        {
            operation = coalesce.Value.WithoutConversions();
        }

        return operation;
    }

    private static bool IsEmptyText(IOperation value)
    {
        value = value.WithoutConversions();
        return value.ConstantValue is { HasValue: true, Value: null or "" }
            || (value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } });
    }

    private static ISymbol? ReferenceOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IMemberReferenceOperation member => member.Member,
        _ => null,
    };

    /// <summary>The branch of <c>length op bound</c> that holds only for lengths of at most four.</summary>
    private static bool? ShortWhen(BinaryOperatorKind kind, int bound) => kind switch
    {
        BinaryOperatorKind.LessThanOrEqual when bound <= 4 => true,
        BinaryOperatorKind.LessThan when bound <= 5 => true,
        BinaryOperatorKind.GreaterThan when bound <= 4 => false,
        BinaryOperatorKind.GreaterThanOrEqual when bound <= 5 => false,
        _ => null,
    };

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>
    /// The text whose length <paramref name="operation"/> reads: <c>key.Length</c>, and <c>key?.Length</c>, whose null fails
    /// every comparison, so the branch a comparison makes short still holds only short texts.
    /// </summary>
    private static IOperation? LengthOf(IOperation operation) =>
        operation.WithoutConversions() switch
        {
            IPropertyReferenceOperation { Property.Name: "Length", Instance: { } text } when text.Type?.SpecialType == SpecialType.System_String => text,
            IConditionalAccessOperation { Operation: { } text, WhenNotNull: IPropertyReferenceOperation { Property.Name: "Length", Instance: IConditionalAccessInstanceOperation } }
                when text.Type?.SpecialType == SpecialType.System_String => text,
            _ => null,
        };

    private static IOperation? IsNullOrEmptyOf(IOperation operation) =>
        operation.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", Arguments.Length: 1 } call
        && call.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
            ? call.Arguments[0].Value
            : null;

    // Also under the conversion to int? of a lifted comparison (key?.Length > 4).
    private static int? Constant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: int value } ? value
        : operation.WithoutConversions().ConstantValue is { HasValue: true, Value: int converted } ? converted
        : null;
}
