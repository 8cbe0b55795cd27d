using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX006 for a Refit client's declaration: a parameter of a request method (<c>[Get("/accounts")]</c>) goes into the
/// URL, as a substitution of its template or as a query parameter, unless it is marked for a header (<c>[Header]</c>,
/// <c>[Authorize]</c>, <c>[HeaderCollection]</c>), the body (<c>[Body]</c>) or the request's properties
/// (<c>[Property]</c>). Every call sends the secret the parameter is given in the URL, so the declaration is reported
/// once, at the parameter. Refit is found by its namespace; the analyzer needs no reference to it.
/// </summary>
internal static class RefitRequests
{
    private const string Namespace = "Refit";

    public static void Register(CompilationStartAnalysisContext start)
    {
        // One lookup per compilation: a project without Refit pays nothing per method.
        if (start.Compilation.FindType("Refit.HttpMethodAttribute") is not { } httpMethod)
        {
            return;
        }

        start.RegisterSymbolAction(context => Analyze(context, httpMethod), SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol httpMethod)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType?.TypeKind != TypeKind.Interface || method.Parameters.IsEmpty || context.IsGeneratedCode
            || RequestOf(method, httpMethod) is not { } request
            || method.Locations.IsEmpty || method.Locations[0].SourceTree is not { } tree)
        {
            return;
        }

        var template = request.ConstructorArguments.Length > 0 && request.ConstructorArguments[0].Value is string path ? path : string.Empty;
        var model = SecretModel.For(context.Compilation, context.Options, tree);
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.Locations.IsEmpty && GoesInUrl(parameter) && IsSecret(parameter, template, model))
            {
                var sink = "the Refit request " + method.ContainingType.Name + "." + method.Name;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInUrl, parameter.Locations[0], parameter.Name, sink));
            }
        }
    }

    /// <summary>The method's <c>[Get]</c>, <c>[Post]</c>, … attribute, or null when it is no Refit request.</summary>
    private static AttributeData? RequestOf(IMethodSymbol method, INamedTypeSymbol httpMethod)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass.DerivesFrom(httpMethod))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether Refit puts the parameter into the URL: any parameter not marked for a header, the body or the request's properties.</summary>
    private static bool GoesInUrl(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "HeaderAttribute" or "HeaderCollectionAttribute" or "AuthorizeAttribute" or "BodyAttribute" or "PropertyAttribute" } marker
                && FlowTypes.IsNamespace(marker.ContainingNamespace, Namespace))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A secret by its own name or type, by the name it is sent under (<c>[AliasAs("api_key")]</c>), or by the query key the
    /// template gives it (<c>"/accounts?api_key={k}"</c>).
    /// </summary>
    private static bool IsSecret(IParameterSymbol parameter, string template, SecretModel model)
    {
        if (model.IsSecret(parameter))
        {
            return true;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "AliasAsAttribute" } alias && FlowTypes.IsNamespace(alias.ContainingNamespace, Namespace)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string sentAs
                && model.Names.IsSecretName(sentAs))
            {
                return true;
            }
        }

        var hole = template.IndexOf("={" + parameter.Name + "}", StringComparison.OrdinalIgnoreCase);
        if (hole <= 0)
        {
            return false;
        }

        var keyStart = template.LastIndexOfAny(new[] { '?', '&' }, hole - 1) + 1;
        return model.Names.IsSecretName(template.Substring(keyStart, hole - keyStart));
    }
}
