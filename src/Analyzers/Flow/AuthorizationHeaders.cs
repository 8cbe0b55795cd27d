using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// The Authorization header of a request, which holds a credential by its place whatever it is named:
/// <list type="bullet">
/// <item>reading it (<c>request.Headers.Authorization</c>, <c>ProxyAuthorization</c>, ASP.NET Core's
/// <c>Request.Headers.Authorization</c>) reads a secret, always: its text is the scheme and the credential;</item>
/// <item>a request or its headers (<c>HttpRequestMessage</c>, <c>HttpRequestHeaders</c>), whose <c>ToString</c> prints
/// every header with its value, carries what the same body wrote into its Authorization header before
/// (<c>request.Headers.Authorization = new("Bearer", apiKey)</c>, <c>Headers.Add("Authorization", …)</c>,
/// <c>TryAddWithoutValidation</c>).</item>
/// </list>
/// A request whose header is set elsewhere (a handler further down, <c>DefaultRequestHeaders</c> in another method) is
/// not known to carry one, and is not reported.
/// </summary>
internal static class AuthorizationHeaders
{
    private const string HeadersNamespace = "System.Net.Http.Headers";

    /// <summary>A read of a request's Authorization (or Proxy-Authorization) header.</summary>
    /// <remarks>Asked of every property read by a body: the name first.</remarks>
    public static bool IsCredentialRead(IPropertySymbol property) =>
        property.Name is "Authorization" or "ProxyAuthorization"
        && (FlowTypes.IsNamed(property.ContainingType, "HttpRequestHeaders", HeadersNamespace)
            || FlowTypes.IsNamed(property.ContainingType, "IHeaderDictionary", "Microsoft.AspNetCore.Http"));

    /// <summary>The name of the Authorization or Proxy-Authorization header, in any case (<c>Headers["Authorization"]</c>).</summary>
    public static bool IsHeaderName(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>AuthenticationHeaderValue.Parameter</c>: the credential part of the header's value.</summary>
    public static bool IsCredentialPart(IPropertySymbol property) =>
        property.Name == "Parameter" && IsHeaderValue(property.ContainingType);

    /// <summary><c>AuthenticationHeaderValue</c>, whose text is its scheme and its parameter.</summary>
    public static bool IsHeaderValue(ITypeSymbol? type) => FlowTypes.IsNamed(type, "AuthenticationHeaderValue", HeadersNamespace);

    /// <summary>
    /// The headers a reference to a request or to its headers prints: the variable (or field or property) that holds
    /// them and the property they are read through (<c>request</c> and <c>request.Headers</c> are (request, Headers);
    /// a local <c>headers</c> is (headers, none)); default when <paramref name="reference"/> is neither.
    /// </summary>
    public static HeaderOwner OwnerOf(IOperation reference)
    {
        var type = reference.Type;
        if (FlowTypes.IsNamed(type, "HttpRequestMessage", "System.Net.Http"))
        {
            return Holder(reference) is { } request ? new HeaderOwner(request, "Headers") : default;
        }

        if (!FlowTypes.IsNamed(type, "HttpRequestHeaders", HeadersNamespace))
        {
            return default;
        }

        return reference is IPropertyReferenceOperation { Instance: { } instance } property && Holder(instance) is { } holder
            ? new HeaderOwner(holder, property.Property.Name)
            : Holder(reference) is { } headers ? new HeaderOwner(headers, null) : default;
    }

    /// <summary>
    /// The value <paramref name="operation"/> (an assignment or a call) writes into the Authorization header of the
    /// headers it names, and those headers; null when it writes no Authorization header.
    /// </summary>
    public static IOperation? WrittenCredential(IOperation operation, out HeaderOwner owner)
    {
        owner = default;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } headers } target } assignment
                when IsCredentialRead(target.Property):
                owner = OwnerOf(headers.WithoutConversions());
                return owner.IsKnown ? assignment.Value : null;
            case IInvocationOperation { TargetMethod.Name: "Add" or "TryAddWithoutValidation", Instance: { } headers } call
                when call.ArgumentFor("name") is { ConstantValue: { HasValue: true, Value: string name } }
                    && IsHeaderName(name)
                    && FlowTypes.IsDerivedFrom(call.TargetMethod.ContainingType, "HttpHeaders", HeadersNamespace):
                owner = OwnerOf(headers.WithoutConversions());
                return owner.IsKnown ? call.ArgumentFor("value") ?? call.ArgumentFor("values") : null;
            default:
                return null;
        }
    }

    private static ISymbol? Holder(IOperation reference) => reference switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property => property.Property,
        _ => null,
    };
}

/// <summary>Whose headers: the variable, field or property that holds a request or its headers, and the property the headers are read through.</summary>
internal readonly struct HeaderOwner
{
    public HeaderOwner(ISymbol holder, string? headersProperty)
    {
        Holder = holder;
        HeadersProperty = headersProperty;
    }

    public ISymbol? Holder { get; }

    public string? HeadersProperty { get; }

    public bool IsKnown => Holder is not null;

    public bool Is(HeaderOwner other) =>
        IsKnown && SymbolEqualityComparer.Default.Equals(Holder, other.Holder) && HeadersProperty == other.HeadersProperty;
}
