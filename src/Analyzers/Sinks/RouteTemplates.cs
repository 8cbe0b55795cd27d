using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX006 for a route that takes a secret in its path: <c>[HttpGet("connect/{apiKey}")]</c>,
/// <c>app.MapPost("/validate/{apiKey}", …)</c>, an Azure Functions trigger's <c>Route = "keys/{apiKey}"</c>, a component's
/// <c>@page "/connect/{ApiKey}"</c>, FastEndpoints' <c>Get("/keys/{apiKey}")</c>. Every request to it carries the key in its
/// URL, which servers, proxies and browsers write down. Read from each file's text (a route parameter is a string
/// literal's <c>{name}</c>), so it costs no binding: the placeholder's name is judged as a secret's, the literal's place
/// in the syntax (a routing attribute's or a mapping call's template) says it is a route.
/// </summary>
internal static class RouteTemplates
{
    public static void Register(CompilationStartAnalysisContext start)
    {
        // One lookup per compilation: only a web project has routes.
        if (start.Compilation.FindType("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder") is null
            && start.Compilation.FindType("Microsoft.AspNetCore.Components.RouteAttribute") is null
            && start.Compilation.FindType("Microsoft.Azure.Functions.Worker.HttpTriggerAttribute") is null)
        {
            return;
        }

        var compilation = start.Compilation;
        start.RegisterSyntaxTreeAction(context => Analyze(context, compilation));
    }

    private static void Analyze(SyntaxTreeAnalysisContext context, Compilation compilation)
    {
        var tree = context.Tree;
        // A component's @page route is in its generated code, which is what the developer wrote.
        if (!RazorSinks.IsRazorOutput(tree) && GeneratedCode.IsGenerated(tree, context.Options, context.CancellationToken))
        {
            return;
        }

        var text = tree.GetText(context.CancellationToken).ToString();
        SyntaxNode? root = null;
        SecretModel? model = null;
        for (var open = text.IndexOf('{'); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var start = open + 1;
            while (start < text.Length && text[start] == '*')
            {
                start++;
            }

            var end = start;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            // {apiKey}, {apiKey:alpha}, {apiKey?}, {apiKey=default}, {*apiKey}: a route parameter's name.
            if (end == start || end >= text.Length || text[end] is not ('}' or ':' or '?' or '=') || char.IsDigit(text[start]))
            {
                continue;
            }

            root ??= tree.GetRoot(context.CancellationToken);
            var token = root.FindToken(open);
            if (!token.IsKind(SyntaxKind.StringLiteralToken) || RouteOf(token) is not { } route)
            {
                continue;
            }

            var name = text.Substring(start, end - start);
            model ??= SecretModel.For(compilation, context.Options, tree);
            if (model.Names.IsSecretName(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInUrl, Location.Create(tree, TextSpan.FromBounds(open, text.IndexOf('}', end) + 1)), name, route));
            }
        }
    }

    /// <summary>How diagnostics name the route a literal is the template of ("the route of HttpGet"), or null when it is none.</summary>
    private static string? RouteOf(SyntaxToken literal)
    {
        if (literal.Parent is not LiteralExpressionSyntax expression)
        {
            return null;
        }

        switch (expression.Parent)
        {
            case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } } argument:
                var attributeName = SimpleName(attribute.Name);
                if (attributeName.EndsWith("Attribute", System.StringComparison.Ordinal))
                {
                    attributeName = attributeName.Substring(0, attributeName.Length - "Attribute".Length);
                }

                var named = argument.NameEquals?.Name.Identifier.ValueText;
                if (attributeName == "Route" && attribute.Name is QualifiedNameSyntax { Left: var space } && space.ToString().EndsWith("AspNetCore.Components", System.StringComparison.Ordinal))
                {
                    // The Razor compiler writes a component's @page "/…" as [global::Microsoft.AspNetCore.Components.RouteAttribute("/…")].
                    return "the @page route";
                }

                return attributeName switch
                {
                    "Route" or "HttpGet" or "HttpPost" or "HttpPut" or "HttpDelete" or "HttpPatch" or "HttpHead" or "HttpOptions" or "AcceptVerbs"
                        when named is null or "Template" => "the route of " + attributeName,
                    "HttpTrigger" when named == "Route" => "the route of HttpTrigger",
                    _ => null,
                };
            // A mapping call's only text argument is its pattern; FastEndpoints' Get takes several.
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                var methodName = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapGet" or "MapPost" or "MapPut" or "MapPatch" or "MapDelete" or "MapMethods" or "Map" or "MapGroup" } member
                        => member.Name.Identifier.ValueText,
                    // FastEndpoints' Configure() declares its routes on the endpoint itself: Get("/keys/{apiKey}").
                    IdentifierNameSyntax { Identifier.ValueText: "Get" or "Post" or "Put" or "Patch" or "Delete" or "Routes" or "Verbs" } identifier
                        => identifier.Identifier.ValueText,
                    _ => null,
                };
                return methodName is null ? null : "the route of " + methodName;
            default:
                return null;
        }
    }

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
