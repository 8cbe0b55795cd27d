using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// FastEndpoints' own ways to answer a request: <c>Send.OkAsync(response)</c> and the rest of its response sender (and the
/// older <c>HttpResponse.SendOkAsync</c> extensions), the value an endpoint's <c>ExecuteAsync</c> returns, its validation
/// errors (<c>AddError</c>, <c>ThrowError</c>), text (<c>Send.StringAsync</c>) and redirects (<c>Send.RedirectAsync</c>).
/// Found by the <c>FastEndpoints</c> namespace and the method's name, as FluentValidation is, so the analyzer needs no
/// reference to the package, and the same test serves its methods wherever the library declares them (a class, an
/// interface, an extension block).
/// </summary>
internal static class FastEndpointsApi
{
    /// <summary>A method that sends a response body: its <c>response</c> or <c>responseBody</c> argument is written as JSON.</summary>
    public static bool SendsBody(IMethodSymbol method) => IsBodySend(method.Name) && IsFastEndpoints(method);

    public static bool IsBodyParameter(IParameterSymbol parameter) => parameter.Name is "response" or "responseBody";

    /// <summary>A method that sends text as the response: its <c>content</c> argument.</summary>
    public static bool SendsText(IMethodSymbol method) => IsTextSend(method.Name) && IsFastEndpoints(method);

    public const string TextParameter = "content";

    /// <summary>A redirect: its <c>location</c> argument is the URL the browser is sent to.</summary>
    public static bool Redirects(IMethodSymbol method) => IsRedirect(method.Name) && IsFastEndpoints(method);

    public const string LocationParameter = "location";

    /// <summary>A validation error of an endpoint or validator, sent to the client in the 400 response's errors.</summary>
    public static bool AddsValidationError(IMethodSymbol method) => IsValidationError(method.Name) && IsFastEndpoints(method);

    /// <summary>The parameters that carry a validation error's message (<c>AddError(r =&gt; r.ApiKey, errorMessage)</c>, <c>ThrowError(message)</c>).</summary>
    public static bool IsMessageParameter(IParameterSymbol parameter) => parameter.Name is "message" or "errorMessage";

    /// <summary>Whether any of the methods above can be <paramref name="method"/>, by its name alone: for the per-method lookups that rule calls out.</summary>
    public static bool MayBe(IMethodSymbol method) =>
        IsBodySend(method.Name) || IsTextSend(method.Name) || IsRedirect(method.Name) || IsValidationError(method.Name);

    /// <summary>An endpoint's <c>ExecuteAsync</c> override: FastEndpoints sends the value it returns as the response.</summary>
    public static bool IsExecuteOverride(IMethodSymbol method) =>
        method is { IsOverride: true, Name: "ExecuteAsync", OverriddenMethod.ContainingType: { } endpoint }
        && endpoint.Name.StartsWith("Endpoint", System.StringComparison.Ordinal)
        && IsFastEndpoints(method.OverriddenMethod);

    private static bool IsBodySend(string name) =>
        name is "OkAsync" or "ResponseAsync" or "CreatedAtAsync" or "AcceptedAtAsync" or "SendAsync" or "SendOkAsync" or "SendCreatedAtAsync" or "SendAcceptedAtAsync";

    private static bool IsTextSend(string name) => name is "StringAsync" or "SendStringAsync";

    private static bool IsRedirect(string name) => name is "RedirectAsync" or "SendRedirectAsync";

    private static bool IsValidationError(string name) => name is "AddError" or "ThrowError";

    private static bool IsFastEndpoints(IMethodSymbol method) =>
        method.ContainingType is { } type && FlowTypes.RootNamespace(type) == "FastEndpoints";
}
