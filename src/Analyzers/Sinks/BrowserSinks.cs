using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX007's sinks: what the browser keeps or runs — response cookies, response headers and JavaScript
/// interop (which is how Blazor reaches localStorage, sessionStorage and page script), asynchronous or, in a
/// WebAssembly app, synchronous (<c>IJSInProcessRuntime</c>, <c>IJSInProcessObjectReference</c>).
/// </summary>
internal sealed class BrowserSinks : SinkTable
{
    private static readonly SinkSpec[] Specs =
    {
        SinkSpec.Methods("Microsoft.AspNetCore.Http.IResponseCookies", "Append"),
        // An Azure Functions isolated worker's response cookies: response.Cookies.Append("pleo_key", key), Append(new HttpCookie(…)).
        SinkSpec.Methods("Microsoft.Azure.Functions.Worker.Http.HttpCookies", "Append"),
        // A cookie made to be appended or written as a Set-Cookie header: new HttpCookie("pleo_key", key), new SetCookieHeaderValue(…).
        SinkSpec.Methods("Microsoft.Azure.Functions.Worker.Http.HttpCookie", SinkSpec.Constructor).WithParameters("value"),
        SinkSpec.Methods("Microsoft.Net.Http.Headers.SetCookieHeaderValue", SinkSpec.Constructor).WithParameters("value"),
        SinkSpec.AllMethods("Microsoft.JSInterop.IJSRuntime"),
        SinkSpec.AllMethods("Microsoft.JSInterop.JSRuntimeExtensions"),
        SinkSpec.AllMethods("Microsoft.JSInterop.IJSObjectReference"),
        SinkSpec.AllMethods("Microsoft.JSInterop.JSObjectReferenceExtensions"),
        SinkSpec.AllMethods("Microsoft.JSInterop.IJSInProcessRuntime"),
        SinkSpec.AllMethods("Microsoft.JSInterop.JSInProcessRuntimeExtensions"),
        SinkSpec.AllMethods("Microsoft.JSInterop.IJSInProcessObjectReference"),
        SinkSpec.AllMethods("Microsoft.JSInterop.JSInProcessObjectReferenceExtensions"),
    };

    private readonly INamedTypeSymbol? _httpResponse;
    private readonly INamedTypeSymbol? _headerDictionary;
    private readonly INamedTypeSymbol? _functionsResponse;

    public BrowserSinks(Compilation compilation)
        : base(compilation, SinkKind.Browser, Specs)
    {
        _httpResponse = compilation.FindType("Microsoft.AspNetCore.Http.HttpResponse");
        _headerDictionary = compilation.FindType("Microsoft.AspNetCore.Http.IHeaderDictionary");
        _functionsResponse = compilation.FindType("Microsoft.Azure.Functions.Worker.Http.HttpResponseData");
    }

    public override bool IsEmpty => base.IsEmpty && _httpResponse is null && _functionsResponse is null;

    public override bool MayTake(IMethodSymbol method) => IsHeaderWriteName(method.Name) || base.MayTake(method);

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation header } assignment when IsResponseHeaders(header.Instance):
                // Response.Headers["X-Api-Key"] = key; Response.Headers.Authorization = key.
                operands.Add(new SinkOperand(assignment.Value, "Response.Headers", Kind));
                return;
            case IInvocationOperation invocation when IsResponseHeaderWrite(invocation):
                AddAllArguments(invocation.Arguments, "Response.Headers." + invocation.TargetMethod.Name, operands);
                return;
            default:
                base.Collect(operation, owner, operands);
                return;
        }
    }

    private bool IsResponseHeaderWrite(IInvocationOperation invocation)
    {
        if (!IsHeaderWriteName(invocation.TargetMethod.Name))
        {
            return false;
        }

        var receiver = invocation.Instance
            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return IsResponseHeaders(receiver);
    }

    private static bool IsHeaderWriteName(string name) =>
        name is "Add" or "TryAdd" or "Append" or "AppendCommaSeparatedValues" or "SetCommaSeparatedValues";

    /// <summary>
    /// <c>Response.Headers</c> (any HttpResponse's, or an Azure Functions worker's <c>HttpResponseData</c>'s): the headers the
    /// browser receives, unlike a request's.
    /// </summary>
    private bool IsResponseHeaders(IOperation? operation)
    {
        return operation?.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Headers" } headers
            && ((headers.Property.ContainingType.DerivesFrom(_httpResponse)
                    && (_headerDictionary is null || SymbolEqualityComparer.Default.Equals(headers.Type, _headerDictionary)))
                || headers.Property.ContainingType.DerivesFrom(_functionsResponse));
    }
}
