using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// What a server received with a request, written whole rather than read by name:
/// <list type="bullet">
/// <item>its headers (ASP.NET Core's <c>Request.Headers</c>, a Functions worker's <c>HttpRequestData.Headers</c>, a gRPC
/// call's <c>context.RequestHeaders</c>), whole,
/// as text or header by header, hold its Authorization header (<see cref="AuthorizationHeaders"/>) and a key the
/// integration's page sent in a header of its own;</item>
/// <item>its query and URL (<c>Request.QueryString</c>, <c>Request.Query</c>, <c>GetDisplayUrl()</c>, a worker's
/// <c>Url</c>) hold a key the page sent in the query string: in a body that reads a key from the query, they write it
/// again.</item>
/// </list>
/// One header or query value read by its name is judged by that name (<see cref="IsReceivedValues"/>).
/// </summary>
internal static class ReceivedRequests
{
    private const string AspNetCoreHttp = "Microsoft.AspNetCore.Http";

    /// <summary><c>Request.Headers</c>: every header the server received.</summary>
    /// <remarks>Asked of every property read the flow follows: the name first.</remarks>
    public static bool IsHeaders(IPropertySymbol property) =>
        (property.Name == "Headers" && IsRequest(property.ContainingType)) || (property.Name == "RequestHeaders" && IsGrpcCall(property.ContainingType));

    /// <summary>A gRPC call's <c>context.RequestHeaders</c>, the metadata the client sent, read by name with <c>GetValue</c> or <c>Get</c>.</summary>
    public static bool IsGrpcRequestHeaders(IOperation? values) =>
        values?.WithoutConversions() is IPropertyReferenceOperation { Property: { Name: "RequestHeaders" } property } && IsGrpcCall(property.ContainingType);

    private static bool IsGrpcCall(INamedTypeSymbol? type) => FlowTypes.IsDerivedFrom(type, "ServerCallContext", "Grpc.Core");

    /// <summary><c>Request.Query</c>, <c>Request.QueryString</c>, a worker's <c>req.Query</c> and <c>req.Url</c>: the query as it came.</summary>
    public static bool IsQuery(IPropertySymbol property) => property.Name is "Query" or "QueryString" or "Url" && IsRequest(property.ContainingType);

    /// <summary><c>request.GetDisplayUrl()</c>, <c>GetEncodedUrl()</c>, <c>GetEncodedPathAndQuery()</c>: the URL with its query.</summary>
    public static bool IsUrl(IMethodSymbol method) =>
        method.Name is "GetDisplayUrl" or "GetEncodedUrl" or "GetEncodedPathAndQuery"
        && FlowTypes.IsNamed((method.ReducedFrom ?? method).ContainingType, "UriHelper", AspNetCoreHttp + ".Extensions");

    /// <summary>The text of a query or URL, which is what it holds: <c>QueryString.Value</c>, a <c>Uri</c>'s <c>Query</c>, <c>AbsoluteUri</c>, <c>PathAndQuery</c>, <c>OriginalString</c>.</summary>
    public static bool IsTextOf(IPropertySymbol property) => property.Name switch
    {
        "Value" => FlowTypes.IsNamed(property.ContainingType, "QueryString", AspNetCoreHttp),
        "Query" or "AbsoluteUri" or "PathAndQuery" or "OriginalString" => FlowTypes.IsNamed(property.ContainingType, "Uri", "System"),
        _ => false,
    };

    /// <summary>Whether <paramref name="values"/> is a received request's query (<c>request.Query</c>, <c>req.Query</c>), which <c>["api_key"]</c> reads by name.</summary>
    public static bool IsQueryValues(IOperation? values) =>
        values?.WithoutConversions() is IPropertyReferenceOperation { Property: { Name: "Query" } property } && IsRequest(property.ContainingType);

    /// <summary>
    /// Whether <paramref name="values"/> is what a client sent, read entry by entry under the entries' names
    /// (<c>Request.Headers</c>, <c>Query</c>, <c>Form</c>): an entry read by its name is judged by that name
    /// (<see cref="ConfigurationKeys.IsSecretLookup"/>, <see cref="ConfigurationKeys.IsSecretEntryRead"/>), not by all the request holds.
    /// </summary>
    public static bool IsReceivedValues(IOperation? values) =>
        values?.WithoutConversions() is IPropertyReferenceOperation { Property: { Name: "Headers" or "Query" or "Form" } property } && IsRequest(property.ContainingType);

    private static bool IsRequest(INamedTypeSymbol? type) =>
        FlowTypes.IsNamed(type, "HttpRequest", AspNetCoreHttp) || FlowTypes.IsNamed(type, "HttpRequestData", "Microsoft.Azure.Functions.Worker.Http");
}
