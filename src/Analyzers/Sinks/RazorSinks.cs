using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Razor output (.cshtml), seen through the code the Razor generator writes: <c>@Model.ApiKey</c> becomes
/// <c>Write(Model.ApiKey)</c>, <c>value="@Model.ApiKey"</c> becomes <c>WriteAttributeValue(…)</c>. Text
/// written inside a <c>&lt;script&gt;</c> element is client-side script (PUX007); anything else is page
/// output (PUX004); a value written for a link's <c>asp-route-…</c> goes into its URL (PUX006). <c>asp-for</c> on an <c>&lt;input&gt;</c> (not a password one) or a <c>&lt;textarea&gt;</c>, and the HTML helpers that write a value (<c>@Html.HiddenFor</c>), write the
/// property's value too. Diagnostics land on the .cshtml line through the generator's <c>#line</c> mapping.
/// </summary>
internal sealed class RazorSinks : SinkTable
{
    private readonly INamedTypeSymbol? _razorPageBase;

    public RazorSinks(Compilation compilation)
        : base(compilation, SinkKind.Client, Array.Empty<SinkSpec>())
    {
        _razorPageBase = compilation.FindType("Microsoft.AspNetCore.Mvc.Razor.RazorPageBase");
    }

    public override bool IsEmpty => _razorPageBase is null;

    public override bool Serves(SinkKindSet kinds) => kinds.Contains(SinkKind.Client) || kinds.Contains(SinkKind.Browser) || kinds.Contains(SinkKind.Url);

    /// <summary>A tree the Razor generator wrote for a .cshtml page or a .razor component.</summary>
    public static bool IsRazorOutput(SyntaxTree tree) =>
        tree.FilePath.EndsWith("_cshtml.g.cs", StringComparison.OrdinalIgnoreCase)
        || tree.FilePath.EndsWith(".cshtml.g.cs", StringComparison.OrdinalIgnoreCase)
        || IsComponentOutput(tree);

    /// <summary>A tree the Razor generator wrote for a .razor component (Blazor).</summary>
    public static bool IsComponentOutput(SyntaxTree tree) =>
        tree.FilePath.EndsWith("_razor.g.cs", StringComparison.OrdinalIgnoreCase)
        || tree.FilePath.EndsWith(".razor.g.cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where to report a finding: its syntax, or in Razor output the member's name when only that part maps
    /// back to the .cshtml (the generator maps <c>asp-for="ApiKey"</c> to the <c>ApiKey</c> of
    /// <c>__model.ApiKey</c>, not to the whole expression).
    /// </summary>
    public static Location ReportLocation(SyntaxNode node)
    {
        var location = node.GetLocation();
        return node is MemberAccessExpressionSyntax access
            && IsRazorOutput(node.SyntaxTree)
            && !location.GetMappedLineSpan().HasMappedPath
            && access.Name.GetLocation() is var name
            && name.GetMappedLineSpan().HasMappedPath
            ? name
            : location;
    }

    public override bool MayTake(IMethodSymbol method) => method.Name is "Write" or "WriteAttributeValue" or "WriteLiteral" || IsValueWritingHtmlHelper(method);

    /// <summary>
    /// The HTML helpers that write a value into the page: <c>@Html.HiddenFor(m =&gt; m.ApiKey)</c>, <c>TextBoxFor</c>,
    /// <c>TextAreaFor</c>, <c>EditorFor</c>, <c>DisplayFor</c>, <c>DisplayTextFor</c>, <c>ValueFor</c>, and <c>Hidden</c>,
    /// <c>TextBox</c>, <c>TextArea</c> given a value. Not <c>PasswordFor</c>, which leaves the value out, nor the helpers
    /// that write a name (<c>LabelFor</c>, <c>NameFor</c>, <c>IdFor</c>, <c>DisplayNameFor</c>).
    /// </summary>
    private static bool IsValueWritingHtmlHelper(IMethodSymbol method) =>
        method.Name is "HiddenFor" or "TextBoxFor" or "TextAreaFor" or "EditorFor" or "DisplayFor" or "DisplayTextFor" or "ValueFor"
            or "Hidden" or "TextBox" or "TextArea"
        && FlowTypes.IsNamespace(method.ContainingType.ContainingNamespace, "Microsoft.AspNetCore.Mvc.Rendering");

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        if (operation is ISimpleAssignmentOperation assignment)
        {
            CollectModelExpression(assignment, operands);
            return;
        }

        if (operation is not IInvocationOperation invocation)
        {
            return;
        }

        if (IsValueWritingHtmlHelper(invocation.TargetMethod))
        {
            CollectHtmlHelper(invocation, operands);
            return;
        }

        if (invocation.TargetMethod.Name is not ("Write" or "WriteAttributeValue" or "WriteLiteral")
            || !invocation.TargetMethod.ContainingType.DerivesFrom(_razorPageBase))
        {
            return;
        }

        if (invocation.TargetMethod.Name == "WriteLiteral")
        {
            CollectRouteValue(invocation, operands);
            return;
        }

        if (invocation.ArgumentFor("value") is { } value)
        {
            var inScript = InsideScript(invocation);
            operands.Add(new SinkOperand(value, inScript ? "an inline <script> in Razor markup" : "Razor markup", inScript ? SinkKind.Browser : SinkKind.Client));
        }
    }

    /// <summary>
    /// <c>&lt;a asp-page="/Connect" asp-route-apiKey="@Model.ApiKey"&gt;</c>: the generator writes the value into a buffer
    /// (<c>BeginWriteTagHelperAttribute(); WriteLiteral(Model.ApiKey); __tagHelperStringValueBuffer =
    /// EndWriteTagHelperAttribute();</c>) and hands it to the tag helper's <c>RouteValues["apiKey"]</c>, which the link's
    /// query string carries (PUX006). A literal written to the page is a constant and never an operand.
    /// </summary>
    private static void CollectRouteValue(IInvocationOperation writeLiteral, List<SinkOperand> operands)
    {
        if (writeLiteral.Arguments.Length != 1
            || writeLiteral.Arguments[0].Value is not { ConstantValue.HasValue: false } value
            || writeLiteral.Parent is not IExpressionStatementOperation { Parent: IBlockOperation block } statement)
        {
            return;
        }

        // The statements after it, to the end of the buffer: the one that ends it, then the one that hands it over.
        var index = block.Operations.IndexOf(statement);
        for (var next = index + 1; next < block.Operations.Length && next <= index + 3; next++)
        {
            if (block.Operations[next] is IExpressionStatementOperation
                {
                    Operation: ISimpleAssignmentOperation
                    {
                        Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property: { Name: "RouteValues" } routeValues } } entry,
                    }
                }
                && FlowTypes.IsNamespace(routeValues.ContainingType.ContainingNamespace, "Microsoft.AspNetCore.Mvc.TagHelpers")
                && entry.Arguments.Length == 1
                && entry.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name })
            {
                operands.Add(new SinkOperand(value, "asp-route-" + name + " in Razor markup", SinkKind.Url));
                return;
            }
        }
    }

    /// <summary>
    /// <c>&lt;input asp-for="ApiKey" /&gt;</c> and <c>&lt;textarea asp-for="ApiKey"&gt;</c>: the tag helper writes the
    /// property's value into the page (generated as <c>…TagHelper.For = CreateModelExpression(ViewData, __model =&gt;
    /// __model.ApiKey)</c>). A password input does not: the input tag helper leaves its value out.
    /// </summary>
    private void CollectModelExpression(ISimpleAssignmentOperation assignment, List<SinkOperand> operands)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "For" } target
            || target.Property.ContainingType is not { } helper
            || helper.Name is not ("InputTagHelper" or "TextAreaTagHelper")
            || !FlowTypes.IsNamespace(helper.ContainingNamespace, "Microsoft.AspNetCore.Mvc.TagHelpers")
            || ModelExpressionValue(assignment.Value) is not { } value
            || (helper.Name == "InputTagHelper" && IsPasswordInput(assignment, target, value)))
        {
            return;
        }

        operands.Add(new SinkOperand(value, helper.Name == "InputTagHelper" ? "<input asp-for> in Razor markup" : "<textarea asp-for> in Razor markup", SinkKind.Client));
    }

    /// <summary>The value an HTML helper writes: what its expression's lambda returns, or the value it is given.</summary>
    private static void CollectHtmlHelper(IInvocationOperation invocation, List<SinkOperand> operands)
    {
        var sinkName = "Html." + invocation.TargetMethod.Name + " in Razor markup";
        var sinkKind = InsideScript(invocation) ? SinkKind.Browser : SinkKind.Client;
        if (invocation.ArgumentFor("expression") is { } expression && LambdaResult(expression) is { } member)
        {
            operands.Add(new SinkOperand(member, sinkName, sinkKind));
        }
        else if (invocation.ArgumentFor("value") is { } value)
        {
            operands.Add(new SinkOperand(value, sinkName, sinkKind));
        }
    }

    /// <summary>The member the <c>asp-for</c> expression reads: what the lambda given to CreateModelExpression returns.</summary>
    private static IOperation? ModelExpressionValue(IOperation value) =>
        value is IInvocationOperation { TargetMethod.Name: "CreateModelExpression" } create ? LambdaResult(create.Arguments.Select(argument => argument.Value)) : null;

    private static IOperation? LambdaResult(IOperation argument) => LambdaResult(new[] { argument });

    /// <summary>What the first lambda among <paramref name="values"/> returns (an expression tree's too).</summary>
    private static IOperation? LambdaResult(IEnumerable<IOperation> values)
    {
        foreach (var value in values)
        {
            foreach (var part in value.DescendantsAndSelf())
            {
                if (part is IAnonymousFunctionOperation lambda && lambda.ReturnedValues().FirstOrDefault() is { } returned)
                {
                    return returned;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A password input: <c>type="password"</c> on the element (the generated code sets the helper's
    /// <c>InputTypeName</c> between creating it and the next element), or a <c>[DataType(DataType.Password)]</c> property.
    /// </summary>
    private static bool IsPasswordInput(ISimpleAssignmentOperation forAssignment, IPropertyReferenceOperation target, IOperation value)
    {
        if (value is IPropertyReferenceOperation { Property: { } property } && HasPasswordDataType(property))
        {
            return true;
        }

        var body = forAssignment.Root();
        // The same helper field serves every <input> of the page: this element's settings lie between the
        // helper's creation before the asp-for assignment and the next creation after it.
        var helperField = (target.Instance as IFieldReferenceOperation)?.Field;
        var position = forAssignment.Syntax.SpanStart;
        var elementStart = -1;
        var elementEnd = int.MaxValue;
        var passwordAt = new List<int>();
        foreach (var operation in body.Descendants())
        {
            if (operation is not ISimpleAssignmentOperation assignment)
            {
                continue;
            }

            var at = assignment.Syntax.SpanStart;
            if (assignment.Target is IFieldReferenceOperation field && helperField is not null
                && SymbolEqualityComparer.Default.Equals(field.Field, helperField)
                && assignment.Value is IInvocationOperation { TargetMethod.Name: "CreateTagHelper" })
            {
                if (at < position)
                {
                    elementStart = Math.Max(elementStart, at);
                }
                else
                {
                    elementEnd = Math.Min(elementEnd, at);
                }
            }
            else if (assignment.Target is IPropertyReferenceOperation { Property.Name: "InputTypeName" } && SaysPassword(assignment.Value))
            {
                passwordAt.Add(at);
            }
        }

        foreach (var at in passwordAt)
        {
            if (at > elementStart && at < elementEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>"password"</c>, or <c>(string)__tagHelperAttribute_0.Value</c> whose field holds a <c>type="password"</c> attribute.</summary>
    private static bool SaysPassword(IOperation value)
    {
        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return string.Equals(text, "password", StringComparison.OrdinalIgnoreCase);
        }

        return value is IPropertyReferenceOperation { Instance: IFieldReferenceOperation { Field: { } field } }
            && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax().ToString().IndexOf("\"password\"", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static bool HasPasswordDataType(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "DataTypeAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } dataType
                && dataType.GetMembers("Password") is { Length: 1 } members
                && members[0] is IFieldSymbol { ConstantValue: { } password }
                && Equals(attribute.ConstructorArguments[0].Value, password))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the literal markup written before this call left a &lt;script&gt; element open.</summary>
    private static bool InsideScript(IInvocationOperation write)
    {
        var body = write.Root();
        var position = write.Syntax.SpanStart;
        var open = false;
        foreach (var operation in body.Descendants())
        {
            if (operation.Syntax.SpanStart >= position)
            {
                break;
            }

            if (operation is IInvocationOperation { TargetMethod.Name: "WriteLiteral", Arguments.Length: 1 } literal
                && literal.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string markup })
            {
                var opened = markup.LastIndexOf("<script", StringComparison.OrdinalIgnoreCase);
                var closed = markup.LastIndexOf("</script", StringComparison.OrdinalIgnoreCase);
                if (opened >= 0 || closed >= 0)
                {
                    open = opened > closed;
                }
            }
        }

        return open;
    }
}
