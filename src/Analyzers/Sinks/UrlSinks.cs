using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX006's sinks: anything that puts text into a URL — <c>new Uri</c>, <c>UriBuilder</c>, HttpClient and
/// HttpRequestMessage request URIs, query-string builders, redirects, <c>NavigationManager.NavigateTo</c>, the route
/// values of links (<c>Url.Action</c>, <c>LinkGenerator</c>) and of a created or accepted result's Location, Flurl's URL builders.
/// Request headers and bodies are not sinks: that is where a key belongs.
/// </summary>
internal sealed class UrlSinks : SinkTable
{
    private static readonly string[] Redirects =
    {
        "Redirect", "RedirectPermanent", "RedirectPreserveMethod", "RedirectPermanentPreserveMethod", "LocalRedirect",
        "LocalRedirectPermanent", "LocalRedirectPreserveMethod", "LocalRedirectPermanentPreserveMethod", "RedirectToAction",
        "RedirectToActionPermanent", "RedirectToActionPreserveMethod", "RedirectToActionPermanentPreserveMethod",
        "RedirectToRoute", "RedirectToRoutePermanent", "RedirectToRoutePreserveMethod", "RedirectToRoutePermanentPreserveMethod",
        "RedirectToPage", "RedirectToPagePermanent", "RedirectToPagePreserveMethod", "RedirectToPagePermanentPreserveMethod",
    };

    private static readonly string[] RedirectParameters = { "url", "localUrl", "routeValues", "fragment", "uri" };

    private static readonly string[] LocatedResults = { "CreatedAtAction", "CreatedAtRoute", "AcceptedAtAction", "AcceptedAtRoute" };

    // Flurl's URL builders, on a Url, on a string or Uri URL (Flurl's extensions) and on a Flurl.Http request.
    private static readonly string[] FlurlBuilders =
    {
        "SetQueryParam", "SetQueryParams", "AppendQueryParam", "AppendPathSegment", "AppendPathSegments", "SetFragment",
    };

    private static readonly SinkSpec[] Specs =
    {
        SinkSpec.Methods("System.Uri", SinkSpec.Constructor).WithParameters("uriString", "relativeUri"),
        SinkSpec.Methods("System.UriBuilder", SinkSpec.Constructor, "Query", "Path", "Fragment"),
        SinkSpec.Methods("System.Net.Http.HttpClient", "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "BaseAddress").WithParameters("requestUri"),
        SinkSpec.Methods("System.Net.Http.HttpRequestMessage", SinkSpec.Constructor, "RequestUri").WithParameters("requestUri"),
        SinkSpec.AllMethods("System.Net.Http.Json.HttpClientJsonExtensions").WithParameters("requestUri"),
        SinkSpec.AllMethods("Microsoft.AspNetCore.WebUtilities.QueryHelpers"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.QueryString", "Create", "Add", SinkSpec.Constructor),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.Extensions.QueryBuilder", "Add", SinkSpec.Constructor),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.HttpResponse", "Redirect").WithParameters("location"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.Results", Redirects).WithParameters(RedirectParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.TypedResults", Redirects).WithParameters(RedirectParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.ControllerBase", Redirects).WithParameters(RedirectParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.RazorPages.PageModel", Redirects).WithParameters(RedirectParameters),
        // The result objects the helpers make, made directly (an Azure Functions app answers with these).
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.RedirectResult", SinkSpec.Constructor, "Url").WithParameters("url"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.LocalRedirectResult", SinkSpec.Constructor, "Url").WithParameters("localUrl"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.RedirectToActionResult", SinkSpec.Constructor, "RouteValues", "Fragment").WithParameters("routeValues", "fragment"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.RedirectToRouteResult", SinkSpec.Constructor, "RouteValues", "Fragment").WithParameters("routeValues", "fragment"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.RedirectToPageResult", SinkSpec.Constructor, "RouteValues", "Fragment").WithParameters("routeValues", "fragment"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.CreatedAtActionResult", SinkSpec.Constructor).WithParameters("routeValues"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.CreatedAtRouteResult", SinkSpec.Constructor).WithParameters("routeValues"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.AcceptedAtActionResult", SinkSpec.Constructor).WithParameters("routeValues"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.AcceptedAtRouteResult", SinkSpec.Constructor).WithParameters("routeValues"),
        SinkSpec.Methods("Microsoft.AspNetCore.Components.NavigationManager", "NavigateTo").WithParameters("uri"),
        SinkSpec.AllMethods("Microsoft.AspNetCore.Components.NavigationManagerExtensions"),
        SinkSpec.AllMethods("Microsoft.AspNetCore.Mvc.UrlHelperExtensions").WithParameters("values", "fragment", "url"),
        SinkSpec.Methods("System.Uri", "TryCreate").WithParameters("uriString", "relativeUri"),
        // The route values of a created or accepted result become its Location header's URL.
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.ControllerBase", LocatedResults).WithParameters("routeValues"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.Results", LocatedResults).WithParameters("routeValues"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.TypedResults", LocatedResults).WithParameters("routeValues"),
        // LinkGenerator builds the URL IUrlHelper would: GetPathByAction(…, values: new { key }).
        SinkSpec.AllMethods("Microsoft.AspNetCore.Routing.ControllerLinkGeneratorExtensions").WithParameters("values", "fragment"),
        SinkSpec.AllMethods("Microsoft.AspNetCore.Routing.PageLinkGeneratorExtensions").WithParameters("values", "fragment"),
        SinkSpec.AllMethods("Microsoft.AspNetCore.Routing.LinkGeneratorEndpointNameAddressExtensions").WithParameters("values", "fragment"),
        SinkSpec.AllMethods("Microsoft.AspNetCore.Routing.LinkGeneratorRouteValuesAddressExtensions").WithParameters("values", "fragment"),
        // Flurl: "https://…".SetQueryParam("api_key", key), new Url(baseUrl).AppendPathSegment(key), request.SetQueryParams(new { key }).
        // A parameter's name is in the URL as much as its value.
        SinkSpec.Methods("Flurl.Url", [.. FlurlBuilders, SinkSpec.Constructor, "Combine"]),
        SinkSpec.Methods("Flurl.GeneratedExtensions", FlurlBuilders),
        SinkSpec.Methods("Flurl.Http.UrlBuilderExtensions", FlurlBuilders),
        // RestSharp: new RestRequest($"…?api_key={key}"), request.AddQueryParameter("api_key", key), AddUrlSegment, a
        // client's base URL.
        SinkSpec.Methods("RestSharp.RestRequest", SinkSpec.Constructor).WithParameters("resource"),
        SinkSpec.Methods("RestSharp.RestRequestExtensions", "AddQueryParameter", "AddUrlSegment").WithParameters("name", "value"),
        SinkSpec.Methods("RestSharp.QueryParameter", SinkSpec.Constructor).WithParameters("name", "value"),
        SinkSpec.Methods("RestSharp.RestClient", SinkSpec.Constructor).WithParameters("baseUrl"),
        SinkSpec.Methods("RestSharp.RestClientOptions", SinkSpec.Constructor).WithParameters("baseUrl"),
    };

    public UrlSinks(Compilation compilation)
        : base(compilation, SinkKind.Url, Specs)
    {
    }

    public override bool MayTake(IMethodSymbol method) => FastEndpointsApi.MayBe(method) || base.MayTake(method);

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        base.Collect(operation, owner, operands);
        if (operation is not IInvocationOperation invocation)
        {
            return;
        }

        // FastEndpoints: Send.RedirectAsync(location), and the route values of Send.CreatedAtAsync's Location.
        var method = invocation.TargetMethod;
        var redirect = FastEndpointsApi.Redirects(method);
        if (!redirect && !FastEndpointsApi.SendsBody(method))
        {
            return;
        }

        AddArguments(
            invocation.Arguments,
            redirect ? static parameter => parameter.Name == FastEndpointsApi.LocationParameter : static parameter => parameter.Name == "routeValues",
            method,
            operands);
    }
}
