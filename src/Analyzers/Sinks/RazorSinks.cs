using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Razor output (.cshtml), seen through the code the Razor generator writes: <c>@Model.ApiKey</c> becomes
/// <c>Write(Model.ApiKey)</c>, <c>value="@Model.ApiKey"</c> becomes <c>WriteAttributeValue(…)</c>. Text
/// written inside a <c>&lt;script&gt;</c> element is client-side script (PUX007); anything else is page
/// output (PUX004). Diagnostics land on the .cshtml line through the generator's <c>#line</c> mapping.
/// </summary>
internal sealed class RazorSinks : SinkTable
{
    private readonly INamedTypeSymbol? _razorPageBase;

    public RazorSinks(Compilation compilation)
        : base(compilation, SinkKind.Client, Array.Empty<SinkSpec>())
    {
        _razorPageBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Razor.RazorPageBase");
    }

    public override bool IsEmpty => _razorPageBase is null;

    public override bool Serves(SinkKindSet kinds) => kinds.Contains(SinkKind.Client) || kinds.Contains(SinkKind.Browser);

    /// <summary>A tree the Razor generator wrote for a .cshtml file.</summary>
    public static bool IsRazorOutput(SyntaxTree tree) =>
        tree.FilePath.EndsWith("_cshtml.g.cs", StringComparison.OrdinalIgnoreCase)
        || tree.FilePath.EndsWith(".cshtml.g.cs", StringComparison.OrdinalIgnoreCase);

    public override void Collect(IOperation operation, List<SinkOperand> operands)
    {
        if (operation is not IInvocationOperation invocation
            || invocation.TargetMethod.Name is not ("Write" or "WriteAttributeValue")
            || !invocation.TargetMethod.ContainingType.DerivesFrom(_razorPageBase))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "value")
            {
                var inScript = InsideScript(invocation);
                operands.Add(new SinkOperand(argument.Value, inScript ? "an inline <script> in Razor markup" : "Razor markup", inScript ? SinkKind.Browser : SinkKind.Client));
            }
        }
    }

    /// <summary>Whether the literal markup written before this call left a &lt;script&gt; element open.</summary>
    private static bool InsideScript(IInvocationOperation write)
    {
        var body = (IOperation)write;
        while (body.Parent is not null)
        {
            body = body.Parent;
        }

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
