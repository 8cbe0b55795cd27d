using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX004's sinks: what an endpoint sends back to the browser as data — the values of JSON/object results
/// (<c>Results.Ok/Json</c>, <c>Ok(…)</c>, <c>new JsonResult(…)</c>, <c>WriteAsJsonAsync</c>) and the return
/// values of controller actions, Razor Page handlers and minimal API handlers, and the extension members of a
/// problem details response (<c>ProblemDetails.Extensions</c>, <c>Results.Problem(extensions: …)</c>), which are
/// written into its JSON as members of their own. Text bodies are PUX002's. And what a SignalR hub sends to browsers
/// (<c>Clients.All.SendAsync("x", value)</c>, a typed hub's <c>Clients.Caller.KeyRejected(value)</c>), text or not:
/// each argument is a value the client's handler receives. A gRPC service's reply and the messages of its server stream
/// are sent to the client too.
/// </summary>
internal sealed class ClientSinks : SinkTable
{
    // The error results too: an object body of BadRequest(new { error = "…", apiKey }) is JSON the client gets.
    private static readonly string[] ResultHelpers =
    {
        "Ok", "Json", "Created", "CreatedAtRoute", "CreatedAtAction", "Accepted", "AcceptedAtRoute", "AcceptedAtAction",
        "BadRequest", "Conflict", "UnprocessableEntity", "NotFound", "InternalServerError",
    };

    private static readonly string[] ValueParameters = { "value", "data", "obj", "error" };

    private static readonly string[] ProblemHelpers = { "Problem", "ValidationProblem" };

    private static readonly SinkSpec[] Specs =
    {
        SinkSpec.Methods("Microsoft.AspNetCore.Http.Results", ProblemHelpers).WithParameters("extensions"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.TypedResults", ProblemHelpers).WithParameters("extensions"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.ControllerBase", ProblemHelpers).WithParameters("extensions"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.Results", ResultHelpers).WithParameters(ValueParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.TypedResults", ResultHelpers).WithParameters(ValueParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.ControllerBase", ResultHelpers).WithParameters(ValueParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.Controller", ResultHelpers).WithParameters(ValueParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.JsonResult", SinkSpec.Constructor).WithParameters(ValueParameters),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions", "WriteAsJsonAsync").WithParameters(ValueParameters),
        SinkSpec.Methods(UserMessageSinks.FunctionsResponseWriters, "WriteAsJsonAsync").WithParameters("instance"),
        // A gRPC server stream's messages: responseStream.WriteAsync(reply).
        SinkSpec.Methods("Grpc.Core.IAsyncStreamWriter`1", "WriteAsync").WithParameters("message"),
        // Carter's response writers: res.Negotiate(model), res.AsJson(model).
        SinkSpec.Methods("Carter.Response.ResponseExtensions", "Negotiate", "AsJson").WithParameters(ValueParameters),
    };

    private readonly INamedTypeSymbol? _controllerBase;
    private readonly INamedTypeSymbol? _pageModel;
    private readonly INamedTypeSymbol? _nonAction;
    private readonly INamedTypeSymbol? _endpointRouteBuilderExtensions;
    private readonly INamedTypeSymbol? _problemDetails;
    private readonly INamedTypeSymbol? _objectResult;
    private readonly INamedTypeSymbol? _serverCallContext;
    private readonly bool _hasSignalR;
    private readonly Compilation _compilation;
    private HashSet<string>? _methodGroupHandlers;
    private readonly INamedTypeSymbol? _hub;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _endpoints = new(ReferenceComparer<IMethodSymbol>.Instance);

    public ClientSinks(Compilation compilation)
        : base(compilation, SinkKind.Client, Specs)
    {
        _compilation = compilation;
        _controllerBase = compilation.FindType("Microsoft.AspNetCore.Mvc.ControllerBase");
        _pageModel = compilation.FindType("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        _nonAction = compilation.FindType("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        _endpointRouteBuilderExtensions = compilation.FindType("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        _problemDetails = compilation.FindType("Microsoft.AspNetCore.Mvc.ProblemDetails");
        _objectResult = compilation.FindType("Microsoft.AspNetCore.Mvc.ObjectResult");
        _hasSignalR = compilation.FindType("Microsoft.AspNetCore.SignalR.IClientProxy") is not null;
        _serverCallContext = compilation.FindType("Grpc.Core.ServerCallContext");
        _hub = compilation.FindType("Microsoft.AspNetCore.SignalR.Hub");
    }

    public override bool IsEmpty => base.IsEmpty && _problemDetails is null && !_hasSignalR && _serverCallContext is null;

    // problem.Extensions.Add("key", value): a dictionary's Add, judged by its receiver. A typed hub's client methods are
    // the project's own interface's, judged by their receiver too.
    public override bool MayTake(IMethodSymbol method) =>
        method.Name is "Add" or "TryAdd"
        || (method.MethodKind == MethodKind.Constructor && IsObjectResult(method.ContainingType))
        || FastEndpointsApi.MayBe(method)
        || (_hasSignalR && (method.Name is "SendAsync" or "SendCoreAsync" or "InvokeAsync" or "InvokeCoreAsync" || method.ContainingType?.TypeKind == TypeKind.Interface))
        || base.MayTake(method);

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        if (operation is IReturnOperation { ReturnedValue: { } value } returned)
        {
            // return 0, return true, return Task.CompletedTask: nothing an endpoint could leak.
            if (FlowTypes.CanCarry(value.Type) && EndpointName(returned, owner) is { } endpoint)
            {
                operands.Add(new SinkOperand(value, endpoint, Kind).AsJson());
            }

            return;
        }

        if (_hasSignalR && operation is IInvocationOperation invocation && IsHubSend(invocation))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (IsHubPayload(argument) && FlowTypes.CanCarry(argument.Parameter!.Type))
                {
                    operands.Add(new SinkOperand(argument.Value, invocation.TargetMethod, Kind).AsJson());
                }
            }

            return;
        }

        if (_serverCallContext is not null && operation is IInvocationOperation { TargetMethod.Name: "Add", Instance: IPropertyReferenceOperation { Property.Name: "ResponseTrailers" } trailers } addTrailer
            && trailers.Property.ContainingType.DerivesFrom(_serverCallContext))
        {
            // context.ResponseTrailers.Add("x-key", value): metadata the gRPC client receives with the call's status, its names too.
            AddArguments(addTrailer.Arguments, static _ => true, addTrailer.TargetMethod, operands);
            return;
        }

        var before = operands.Count;
        base.Collect(operation, owner, operands);
        if (operation is IObjectCreationOperation { Constructor: { } constructor } creation && IsObjectResult(constructor.ContainingType))
        {
            // new OkObjectResult(value), new CreatedAtActionResult(action, controller, routeValues, value), a project's own
            // ObjectResult: every object result writes its value as the response's body.
            AddArguments(creation.Arguments, static parameter => System.Array.IndexOf(ValueParameters, parameter.Name) >= 0, constructor, operands);
        }
        else if (operation is IInvocationOperation send && FastEndpointsApi.SendsBody(send.TargetMethod))
        {
            // Send.OkAsync(response), Send.ResponseAsync(response, 400): FastEndpoints writes the response as JSON.
            AddArguments(send.Arguments, FastEndpointsApi.IsBodyParameter, send.TargetMethod, operands);
        }

        // A string body is a message (PUX002's), not data; everything else is written as JSON.
        for (var index = operands.Count - 1; index >= before; index--)
        {
            if (operands[index].Operand.WithoutConversions().Type?.SpecialType == SpecialType.System_String)
            {
                operands.RemoveAt(index);
            }
            else
            {
                operands[index] = operands[index].AsJson();
            }
        }

        // An extension is a member of the response's JSON, text or not: {"apiKey": "…"} is data, not a message.
        if (DictionaryWrites.TryGetProblemExtension(operation, _problemDetails, out var extensions, out var extension))
        {
            operands.Add(new SinkOperand(extension, extensions, Kind).AsJson());
        }
    }

    private bool IsObjectResult(INamedTypeSymbol? type) => _objectResult is not null && type.DerivesFrom(_objectResult);

    /// <summary>
    /// A SignalR hub sending to clients: <c>SendAsync</c>/<c>InvokeAsync</c> (and their <c>Core</c> forms) of a client
    /// proxy, or a method of a typed hub's client interface called on <c>Clients.All</c>, <c>Clients.Caller</c>,
    /// <c>Clients.Group(…)</c> and the like.
    /// </summary>
    public static bool IsHubSend(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "SendAsync" or "SendCoreAsync" or "InvokeAsync" or "InvokeCoreAsync"
            && method.ContainingType is { Name: "ClientProxyExtensions" or "IClientProxy" or "ISingleClientProxy" } proxy
            && FlowTypes.IsNamespace(proxy.ContainingNamespace, "Microsoft.AspNetCore.SignalR"))
        {
            return true;
        }

        var member = invocation.Instance?.WithoutConversions() switch
        {
            IPropertyReferenceOperation property => property.Property.ContainingType,
            IInvocationOperation call => call.TargetMethod.ContainingType,
            _ => null,
        };
        return member is { Name: "IHubClients" or "IHubCallerClients", IsGenericType: true }
            && method.ContainingType?.TypeKind == TypeKind.Interface
            && FlowTypes.IsNamespace(member.ContainingNamespace, "Microsoft.AspNetCore.SignalR");
    }

    /// <summary>An argument of a hub send that the client's handler receives: not the proxy, the method's name or the token.</summary>
    public static bool IsHubPayload(IArgumentOperation argument) =>
        argument.Parameter is { Name: not ("clientProxy" or "method" or "methodName" or "cancellationToken") }
        && argument.ArgumentKind != ArgumentKind.DefaultValue;

    /// <summary>The endpoint a return statement in the body of <paramref name="owner"/> answers from, or null when it is not an endpoint's return.</summary>
    private string? EndpointName(IReturnOperation returned, ISymbol owner)
    {
        for (var parent = returned.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation lambda:
                    return IsMinimalApiHandler(lambda) ? "the endpoint handler" : null;
                case ILocalFunctionOperation localFunction:
                    return _endpointRouteBuilderExtensions is not null && IsMappedLocalFunction(localFunction) ? localFunction.Symbol.Name : null;
            }
        }

        return owner is IMethodSymbol method && IsEndpoint(method) ? method.Name : null;
    }

    /// <summary>
    /// An action, a page handler or a method given to a <c>Map…</c> call as a method group (an ordinary method, all three);
    /// asked for every return of every body, so worked out once per method.
    /// </summary>
    private bool IsEndpoint(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && _endpoints.GetOrCompute(method, this, static (self, m) => self.IsAction(m) || self.IsPageHandler(m) || self.IsMethodGroupHandler(m) || self.IsGrpcMethod(m)
            || self.IsHubMethod(m) || FastEndpointsApi.IsExecuteOverride(m));

    /// <summary>A method a <c>Map…</c> call is given as a method group (<c>app.MapGet("/key", GetKey)</c>, <c>Handlers.GetKey</c>).</summary>
    private bool IsMethodGroupHandler(IMethodSymbol method) =>
        _endpointRouteBuilderExtensions is not null
        && LazyInitializer.EnsureInitialized(ref _methodGroupHandlers, () => MethodGroupHandlers(_compilation))!.Contains(method.ContainingType.Name + "." + method.Name);

    /// <summary>
    /// "Type.Method" of every method group given to a call of a method named <c>Map…</c>: the type that makes the call for
    /// a bare name, the qualifier's last name for <c>Handlers.GetKey</c>. Read from syntax once per compilation, at each
    /// <c>.Map</c> in the files' text (the token there, not a walk of every tree): which method a handler names is not
    /// known where the method's returns are judged, and binding every file to find out would cost more than all the rules.
    /// </summary>
    private static HashSet<string> MethodGroupHandlers(Compilation compilation)
    {
        var handlers = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            SyntaxNode? root = null;
            for (var at = text.IndexOf(".Map", System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(".Map", at + 4, System.StringComparison.Ordinal))
            {
                root ??= tree.GetRoot();
                if (root.FindToken(at + 1).Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } member } name
                    && member.Name == name)
                {
                    AddMethodGroups(invocation, handlers);
                }
            }
        }

        return handlers;
    }

    private static void AddMethodGroups(InvocationExpressionSyntax invocation, HashSet<string> handlers)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            switch (argument.Expression)
            {
                case IdentifierNameSyntax name when invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } caller:
                    handlers.Add(caller.Identifier.ValueText + "." + name.Identifier.ValueText);
                    break;
                case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } qualified when LastName(qualified.Expression) is { } type:
                    handlers.Add(type + "." + name.Identifier.ValueText);
                    break;
            }
        }
    }

    private static string? LastName(ExpressionSyntax qualifier) => qualifier switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private bool IsMinimalApiHandler(IAnonymousFunctionOperation lambda) =>
        _endpointRouteBuilderExtensions is not null && IsMapHandler(lambda);

    /// <summary>
    /// A local function given to a <c>Map…</c> call of the same body as a method group: <c>app.MapGet("/key", GetKey);</c> with
    /// <c>string GetKey() =&gt; …</c> among a minimal API's top-level statements. Asked only of a return in a local function.
    /// </summary>
    private static bool IsMappedLocalFunction(ILocalFunctionOperation localFunction)
    {
        foreach (var operation in localFunction.Root().Descendants())
        {
            if (operation is IDelegateCreationOperation { Target: IMethodReferenceOperation reference } handler
                && SymbolEqualityComparer.Default.Equals(reference.Method, localFunction.Symbol)
                && IsMapArgument(handler))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lambda given to a <c>Map…</c> call as the endpoint's handler (<c>app.MapGet("/key", () =&gt; …)</c>).</summary>
    public static bool IsMapHandler(IAnonymousFunctionOperation lambda) => IsMapArgument(lambda);

    /// <summary>Whether <paramref name="handler"/> (under any delegate creation or conversion) is an argument of a <c>Map…</c> call.</summary>
    private static bool IsMapArgument(IOperation handler)
    {
        IOperation? current = handler.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation map }
            && FlowTypes.IsNamed(map.TargetMethod.ContainingType, "EndpointRouteBuilderExtensions", "Microsoft.AspNetCore.Builder");
    }

    private bool IsAction(IMethodSymbol method) =>
        method.DeclaredAccessibility == Accessibility.Public
        && !method.IsStatic
        && method.ContainingType.DerivesFrom(_controllerBase)
        && !method.HasAttribute(_nonAction);

    /// <summary>
    /// A SignalR hub's public method, which a client invokes: what it returns, and each item a streaming one yields, goes
    /// back to that client. (A hub's own overrides, <c>OnConnectedAsync</c>, return a bare task.)
    /// </summary>
    private bool IsHubMethod(IMethodSymbol method) =>
        _hub is not null
        && method.DeclaredAccessibility == Accessibility.Public
        && !method.IsStatic
        && method.ContainingType.DerivesFrom(_hub); // Hub<T> derives from Hub.

    /// <summary>A gRPC service's method (an override taking the call's <c>ServerCallContext</c>): its reply goes to the client.</summary>
    private bool IsGrpcMethod(IMethodSymbol method)
    {
        if (_serverCallContext is null || !method.IsOverride)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, _serverCallContext))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPageHandler(IMethodSymbol method) =>
        method.Name.StartsWith("On", System.StringComparison.Ordinal)
        && method.ContainingType.DerivesFrom(_pageModel);
}
