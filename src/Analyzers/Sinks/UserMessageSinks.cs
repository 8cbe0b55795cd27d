using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>What kind of place a user-facing message goes to.</summary>
internal enum UserMessageSinkKind
{
    /// <summary><c>ModelState.AddModelError</c> / <c>TryAddModelError</c>, and a Blazor form's <c>ValidationMessageStore.Add</c>.</summary>
    ModelError,

    /// <summary><c>ProblemDetails.Title</c> / <c>Detail</c>, and the <c>title</c>/<c>detail</c> of <c>Problem(...)</c> helpers.</summary>
    ProblemDetails,

    /// <summary><c>TempData</c>, <c>ViewData</c> and <c>ViewBag</c>.</summary>
    ViewState,

    /// <summary>A response helper or result object with a string (or anonymous object) body.</summary>
    ResponseBody,

    /// <summary><c>HttpResponse.WriteAsync</c> / <c>WriteAsJsonAsync</c>.</summary>
    ResponseWrite,

    /// <summary>
    /// The <c>ErrorMessage</c> of a validation attribute such as <c>[Required]</c>, or FluentValidation's
    /// <c>WithMessage("…")</c>: shown before any call is made.
    /// </summary>
    ValidationMessage,

    /// <summary>The <c>message</c> of an exception constructor: user-facing only where the caller shows it.</summary>
    ExceptionMessage,

    /// <summary>
    /// The message of an error the framework sends to the caller whatever the app does with it: SignalR's
    /// <c>HubException</c> (the one exception whose message reaches the client without detailed errors), a gRPC
    /// status's detail (<c>new RpcException(new Status(code, detail))</c>), GraphQL.NET's <c>ExecutionError</c> (sent in
    /// the response's <c>errors</c>). Judged as an exception's message for
    /// generic texts, and as what the user reads for raw detail and next steps.
    /// </summary>
    CallerError,

    /// <summary>A string member named like …Error, …ErrorMessage, …StatusMessage, …Alert, …Notification on a page model, view model or component.</summary>
    MessageMember,

    /// <summary>
    /// Data a response carries to the browser beside its message: a <c>ProblemDetails</c> extension
    /// (<c>problem.Extensions["exception"] = …</c>), a member of an anonymous response body not named as a message
    /// (<c>Ok(new { error = "…", detail = … })</c>). Not a message, so only raw technical detail is judged there (PUX012).
    /// </summary>
    ResponseData,

    /// <summary>
    /// What a command-line tool writes to the console (<c>Console.Error.WriteLine</c>, <c>AnsiConsole.MarkupLine</c>): its
    /// screen. Found in every project; judged only where <c>pleouxguard.console_messages</c> (by default: a project that
    /// references a command-line parser) says the console is the user's.
    /// </summary>
    ConsoleOutput,
}

/// <summary>One operand that reaches a user-facing message sink.</summary>
internal readonly struct UserMessageSinkUse
{
    public UserMessageSinkUse(IOperation value, string sinkName, UserMessageSinkKind kind, bool isStateLabel, bool isReturned = false)
    {
        Value = value;
        SinkName = sinkName;
        Kind = kind;
        IsStateLabel = isStateLabel;
        IsReturned = isReturned;
    }

    /// <summary>The operand that carries the message (an argument value or the right side of an assignment).</summary>
    public IOperation Value { get; }

    /// <summary>How diagnostics name the sink: <c>ModelState.AddModelError</c>, <c>TempData["Error"]</c>, <c>ErrorMessage</c>.</summary>
    public string SinkName { get; }

    public UserMessageSinkKind Kind { get; }

    /// <summary>
    /// True when the target is named as a state label (status, state, badge, label), such as
    /// <c>TempData["Status"]</c>: still shown to the user (secrets must not go there), but a state
    /// label like "Connection failed" is not an error message.
    /// </summary>
    public bool IsStateLabel { get; }

    /// <summary>True when the message is returned by the sink (an exception's <c>Message</c> override) rather than given to it.</summary>
    public bool IsReturned { get; }
}

/// <summary>
/// The places where a string becomes a message the user reads, resolved once per compilation.
/// A library the compilation does not reference contributes no sink. Pass each operation of
/// <see cref="OperationKinds"/> to <see cref="Find"/>.
/// </summary>
internal sealed class UserMessageSinks
{
    /// <summary>The operation kinds that can reach a sink.</summary>
    public static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.SimpleAssignment,
        OperationKind.CoalesceAssignment,
        OperationKind.CompoundAssignment);

    // Asked for every call a body makes: a hash set answers without the tree walk of an ImmutableHashSet. Never changed after this.
    private static readonly HashSet<string> ResponseHelperNames = new(StringComparer.Ordinal)
    {
        "BadRequest", "Conflict", "NotFound", "UnprocessableEntity", "Ok", "Content", "Text", "Json",
        "StatusCode", "Problem", "ValidationProblem", "Accepted", "Created", "InternalServerError",
        "CreatedAtAction", "CreatedAtRoute", "AcceptedAtAction", "AcceptedAtRoute",
    };

    private static readonly ImmutableHashSet<string> BodyParameterNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "error", "value", "content", "data", "text", "message");

    private static readonly ImmutableHashSet<string> ProblemParameterNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "detail", "title");

    // Two-word endings first so "StatusMessage" is a message and not a "Status" state label.
    private static readonly string[][] MessageNameEndings =
    {
        new[] { "error", "message" }, new[] { "status", "message" }, new[] { "alert", "message" },
        new[] { "warning", "message" }, new[] { "flash", "message" }, new[] { "toast", "message" },
        new[] { "error", "text" }, new[] { "error" }, new[] { "errors" }, new[] { "alert" }, new[] { "alerts" },
        new[] { "notification" }, new[] { "notifications" }, new[] { "warning" }, new[] { "warnings" }, new[] { "toast" },
    };

    private static readonly ImmutableHashSet<string> StateLabelWords = ImmutableHashSet.Create(
        StringComparer.Ordinal, "status", "state", "badge", "label");

    private static readonly string[] ViewModelNameEndings = { "Model", "ViewModel", "Vm", "Page", "Component", "Dto", "Response", "Result" };

    /// <summary>
    /// A gRPC status's detail: what <c>new RpcException(new Status(code, detail))</c> sends the client as its message
    /// (<see cref="UserMessageSinkKind.CallerError"/>).
    /// </summary>
    private const string GrpcStatusDetail = "detail";

    /// <summary>The Azure Functions isolated worker's writes of an <c>HttpResponseData</c>: its answer when the app does not use ASP.NET Core's.</summary>
    public const string FunctionsResponseWriters = "Microsoft.Azure.Functions.Worker.Http.HttpResponseDataExtensions";

    private static bool IsGrpcStatus(INamedTypeSymbol type) => type is { Name: "Status", TypeKind: TypeKind.Struct } && FlowTypes.IsNamespace(type.ContainingNamespace, "Grpc.Core");

    /// <summary>What a library exception constructor calls its message; also the guess for a source one that passes none on.</summary>
    private const string MessageParameter = "message";

    // Constructor initializers followed to find an exception's message; a chain longer than this is left at its name.
    private const int MaxInitializerHops = 8;

    private readonly Compilation _compilation;

    private readonly INamedTypeSymbol? _modelStateDictionary;
    private readonly INamedTypeSymbol? _modelStateExtensions;
    private readonly INamedTypeSymbol? _validationMessageStore;
    private readonly bool _hasSignalR;
    private readonly INamedTypeSymbol? _hubException;
    private readonly INamedTypeSymbol? _executionError;
    private readonly INamedTypeSymbol? _problemDetails;
    private readonly INamedTypeSymbol? _tempData;
    private readonly INamedTypeSymbol? _viewData;
    private readonly INamedTypeSymbol? _objectResult;
    private readonly INamedTypeSymbol? _jsonResult;
    private readonly INamedTypeSymbol? _contentResult;
    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _validationAttribute;
    private readonly ConsoleOutput _console;
    private readonly ImmutableArray<INamedTypeSymbol> _responseHelperTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _responseWriters;
    private readonly ImmutableArray<INamedTypeSymbol> _viewModelBases;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _viewModels = new(ReferenceComparer<INamedTypeSymbol>.Instance);
    private readonly ConcurrentDictionary<INamedTypeSymbol, CreatedKind> _createdKinds = new(ReferenceComparer<INamedTypeSymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _callsFoundIn = new(ReferenceComparer<IMethodSymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, string> _messageParameters = new(ReferenceComparer<IMethodSymbol>.Instance);

    private enum CreatedKind
    {
        None,
        Exception,
        ObjectResult,
        ViewModel,
    }

    private UserMessageSinks(Compilation compilation)
    {
        _compilation = compilation;
        _modelStateDictionary = compilation.FindType("Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");
        _modelStateExtensions = compilation.FindType("Microsoft.AspNetCore.Mvc.ModelStateDictionaryExtensions");
        _validationMessageStore = compilation.FindType("Microsoft.AspNetCore.Components.Forms.ValidationMessageStore");
        _hasSignalR = compilation.FindType("Microsoft.AspNetCore.SignalR.IClientProxy") is not null;
        _hubException = compilation.FindType("Microsoft.AspNetCore.SignalR.HubException");
        _executionError = compilation.FindType("GraphQL.ExecutionError");
        _problemDetails = compilation.FindType("Microsoft.AspNetCore.Mvc.ProblemDetails");
        _tempData = compilation.FindType("Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary");
        _viewData = compilation.FindType("Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary");
        _objectResult = compilation.FindType("Microsoft.AspNetCore.Mvc.ObjectResult");
        _jsonResult = compilation.FindType("Microsoft.AspNetCore.Mvc.JsonResult");
        _contentResult = compilation.FindType("Microsoft.AspNetCore.Mvc.ContentResult");
        _exception = compilation.FindType("System.Exception");
        _validationAttribute = compilation.FindType("System.ComponentModel.DataAnnotations.ValidationAttribute");
        _console = new ConsoleOutput(compilation);
        _responseHelperTypes = Resolve(
            compilation,
            "Microsoft.AspNetCore.Http.Results",
            "Microsoft.AspNetCore.Http.TypedResults",
            "Microsoft.AspNetCore.Mvc.ControllerBase",
            "Microsoft.AspNetCore.Mvc.Controller",
            "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        _responseWriters = Resolve(
            compilation,
            "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions",
            "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions",
            // An Azure Functions isolated worker's own response: response.WriteStringAsync("…"), WriteAsJsonAsync(new { error = "…" }).
            FunctionsResponseWriters);
        _viewModelBases = Resolve(
            compilation,
            "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
            "Microsoft.AspNetCore.Mvc.ControllerBase",
            "Microsoft.AspNetCore.Components.ComponentBase");
    }

    /// <summary>Resolves the sinks of one compilation; call from a <c>CompilationStartAction</c>.</summary>
    public static UserMessageSinks Create(Compilation compilation) => new(compilation);

    /// <summary>True when the project references a command-line parser, whose console is then its screen unless an option says otherwise.</summary>
    public bool IsCommandLineTool => _console.IsCommandLineTool;

    /// <summary>
    /// Adds to <paramref name="uses"/> the operands of <paramref name="operation"/>, in the body of <paramref name="owner"/>,
    /// that reach a user-facing message sink.
    /// </summary>
    public void Find(IOperation operation, ISymbol owner, List<UserMessageSinkUse> uses)
    {
        switch (operation)
        {
            // public override string Message => "Something went wrong": what the getter returns is the exception's message.
            case IReturnOperation { ReturnedValue: { } returned } when ExceptionMessageOverride(owner) is { } messageOverride && operation.LeavesBody():
                uses.Add(new UserMessageSinkUse(returned, messageOverride, UserMessageSinkKind.ExceptionMessage, isStateLabel: false, isReturned: true));
                break;
            case IInvocationOperation invocation:
                FindInInvocation(invocation, uses);
                break;
            case IObjectCreationOperation creation:
                FindInCreation(creation, uses);
                break;
            case ISimpleAssignmentOperation or ICoalesceAssignmentOperation or ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add }:
                // problem.Title ??= "An error occurred", ErrorMessage += " Try again.": the text given is shown as well.
                FindInAssignment((IAssignmentOperation)operation, uses);
                break;
        }
    }

    /// <summary>
    /// How diagnostics name <paramref name="owner"/> when it is the getter of an exception's <c>Message</c> override
    /// (<c>PleoUnavailableException.Message</c>), whose returned texts are the exception's message; null for any other body.
    /// </summary>
    private string? ExceptionMessageOverride(ISymbol owner) =>
        owner is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol { Name: "Message", IsOverride: true, ContainingType: { } type } }
            && CreatedKindOf(type) == CreatedKind.Exception
            ? type.Name + ".Message"
            : null;

    /// <summary>
    /// Whether a call of <paramref name="method"/> (a definition), or an object created with it when it is a
    /// constructor, can ever reach a sink: the names and types <see cref="Find"/> looks for.
    /// </summary>
    public bool MayFindIn(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return method.ContainingType is { } created && (CreatedKindOf(created) != CreatedKind.None || ValidationFailures.IsFailure(created));
        }

        return method.Name is "AddModelError" or "TryAddModelError" or "Add" or "Insert" or "TryAdd" or "WithMessage" or "AddFailure"
            || ResponseHelperNames.Contains(method.Name)
            || (method.ContainingType is { } type && Contains(_responseWriters, type.OriginalDefinition))
            || _console.MayWrite(method)
            || FastEndpointsApi.MayBe(method)
            // A hub's send, or (by its receiver, seen only at the call) a method of a typed hub's client interface, which
            // returns a Task.
            || (_hasSignalR && (method.Name is "SendAsync" or "SendCoreAsync" or "InvokeAsync" or "InvokeCoreAsync"
                || (method.ContainingType?.TypeKind == TypeKind.Interface && method.ReturnType.Name == "Task")));
    }

    /// <summary>True when a member or key name marks a state label (Status, ConnectionState, Badge) rather than a message.</summary>
    /// <summary>The client handler a hub send calls: <c>SendAsync("state", …)</c>'s name, or a typed client's method.</summary>
    private static string HubHandlerName(IInvocationOperation send)
    {
        foreach (var argument in send.Arguments)
        {
            if (argument.Parameter?.Name is "method" or "methodName")
            {
                return argument.Value.ConstantValue is { HasValue: true, Value: string name } ? name : string.Empty;
            }
        }

        return send.TargetMethod.Name;
    }

    /// <summary>A name with a state word anywhere that does not read as a message's: <c>state</c>, <c>StatusChanged</c>, not <c>StatusMessage</c>.</summary>
    private static bool NamesState(string name)
    {
        if (name.Length == 0 || IsMessageName(name))
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(name))
        {
            if (StateLabelWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsStateLabelName(string name)
    {
        var words = IdentifierWords.Split(name);
        return words.Count > 0 && StateLabelWords.Contains(words[words.Count - 1]) && !IsMessageName(name);
    }

    /// <summary>True when a member name reads as an error message: …Error, …ErrorMessage, …StatusMessage, …Alert, …Notification.</summary>
    public static bool IsMessageName(string name)
    {
        var words = IdentifierWords.Split(name);
        foreach (var ending in MessageNameEndings)
        {
            if (EndsWith(words, ending))
            {
                return true;
            }
        }

        return false;
    }

    private void FindInInvocation(IInvocationOperation invocation, List<UserMessageSinkUse> uses)
    {
        // Asked for every call of every body, and most calls are to methods that are no sink: one lookup per
        // method rules them out before the name and type tests below.
        if (!_callsFoundIn.GetOrCompute(invocation.TargetMethod.OriginalDefinition, this, static (self, definition) => self.MayFindIn(definition)))
        {
            return;
        }

        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return;
        }

        // : base(…) or : this(…) of an exception's constructor: the base message is the one the exception carries.
        if (method.MethodKind == MethodKind.Constructor)
        {
            if (CreatedKindOf(type) == CreatedKind.Exception)
            {
                AddArguments(invocation.Arguments, MessageParameterName(method), type.Name + " constructor", UserMessageSinkKind.ExceptionMessage, uses);
            }

            return;
        }

        if (_console.Writes(invocation) is { } consoleWrite)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    AddConsoleText(argument.Value, consoleWrite, uses);
                }
            }

            return;
        }

        if (FindInFastEndpoints(invocation, uses))
        {
            return;
        }

        if ((method.Name is "AddModelError" or "TryAddModelError")
            && (type.SameAs(_modelStateDictionary) || type.SameAs(_modelStateExtensions)))
        {
            AddArguments(invocation.Arguments, "errorMessage", "ModelState." + method.Name, UserMessageSinkKind.ModelError, uses);
            return;
        }

        // A Blazor form's ValidationMessageStore: messages.Add(() => form.ApiKey, "…") is shown by <ValidationMessage>.
        if (method.Name == "Add" && type.SameAs(_validationMessageStore))
        {
            AddArguments(invocation.Arguments, "message", "ValidationMessageStore.Add", UserMessageSinkKind.ModelError, uses);
            AddArguments(invocation.Arguments, "messages", "ValidationMessageStore.Add", UserMessageSinkKind.ModelError, uses);
            return;
        }

        // RuleFor(x => x.ApiKey).MinimumLength(32).WithMessage("…"): FluentValidation's message reaches the user through
        // ValidationProblem or the model state. Found by its namespace, so the analyzer needs no reference to the package.
        if (method.Name == "WithMessage" && IsFluentValidation(type))
        {
            AddArguments(invocation.Arguments, "errorMessage", "WithMessage", UserMessageSinkKind.ValidationMessage, uses);
            foreach (var argument in invocation.Arguments)
            {
                // WithMessage(x => "…"): the provider's one returned text is the message.
                if (argument.Parameter?.Name == "messageProvider" && ReturnedText(argument.Value) is { } returned)
                {
                    AddIfText(returned, "WithMessage", UserMessageSinkKind.ValidationMessage, isStateLabel: false, uses);
                }
            }

            return;
        }

        // context.AddFailure("ApiKey", "…") in a Custom rule: a failure of the validation, with its message.
        if (method.Name == "AddFailure" && IsFluentValidation(type))
        {
            AddArguments(invocation.Arguments, "errorMessage", "AddFailure", UserMessageSinkKind.ValidationMessage, uses);
            return;
        }

        // Clients.Caller.SendAsync("keyRejected", "…"), Clients.Caller.KeyRejected("…"): the page's handler shows the text; a
        // handler named for a state (SendAsync("state", …), StatusChanged(…)) shows it as a state label.
        if (_hasSignalR && ClientSinks.IsHubSend(invocation))
        {
            var sinkName = (type.Name == "ClientProxyExtensions" ? "IClientProxy" : type.Name) + "." + method.Name;
            var isStateLabel = NamesState(HubHandlerName(invocation));
            foreach (var argument in invocation.Arguments)
            {
                if (ClientSinks.IsHubPayload(argument))
                {
                    AddIfText(argument.Value, sinkName, UserMessageSinkKind.ResponseBody, isStateLabel, uses);
                }
            }

            return;
        }

        if (!_responseHelperTypes.IsEmpty && ResponseHelperNames.Contains(method.Name) && Contains(_responseHelperTypes, type))
        {
            var sinkName = type.Name + "." + method.Name;
            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                if (name is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (ProblemParameterNames.Contains(name))
                {
                    AddIfText(argument.Value, sinkName, UserMessageSinkKind.ProblemDetails, isStateLabel: false, uses);
                }
                else if (BodyParameterNames.Contains(name))
                {
                    AddIfText(argument.Value, sinkName, UserMessageSinkKind.ResponseBody, isStateLabel: false, uses);
                    AddResponseData(argument.Value, sinkName, uses);
                }
                else if (name == "errors")
                {
                    AddValidationErrors(argument.Value, sinkName, uses);
                }
            }

            return;
        }

        if (Contains(_responseWriters, type))
        {
            var sinkName = (type.Name == "HttpResponseDataExtensions" ? "HttpResponseData." : "HttpResponse.") + method.Name;
            foreach (var argument in invocation.Arguments)
            {
                // text and value: ASP.NET Core's WriteAsync and WriteAsJsonAsync; value and instance: the Functions worker's.
                if (argument.Parameter?.Name is "text" or "value" or "instance" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    AddIfText(argument.Value, sinkName, UserMessageSinkKind.ResponseWrite, isStateLabel: false, uses);
                    AddResponseData(argument.Value, sinkName, uses);
                }
            }

            return;
        }

        // Errors.Add("…") on a page model's or view model's list of messages.
        if ((method.Name is "Add" or "Insert") && invocation.Instance is IMemberReferenceOperation { Member: { } list }
            && list.ContainingType is { } listOwner && IsMessageName(list.Name) && IsViewModel(listOwner))
        {
            AddArguments(invocation.Arguments, "item", list.Name + "." + method.Name, UserMessageSinkKind.MessageMember, uses);
            return;
        }

        if (AddIfExtension(invocation, uses))
        {
            return;
        }

        if ((method.Name is "Add" or "TryAdd") && invocation.Instance is { } instance && IsViewState(instance.Type)
            && invocation.Arguments.Length == 2)
        {
            var key = invocation.Arguments[0].Value.ConstantValue;
            var keyName = key.HasValue && key.Value is string text ? text : string.Empty;
            AddIfText(invocation.Arguments[1].Value, ViewStateName(instance, keyName), UserMessageSinkKind.ViewState, IsStateLabelName(keyName), uses);
        }
    }

    private void FindInCreation(IObjectCreationOperation creation, List<UserMessageSinkUse> uses)
    {
        var type = creation.Type as INamedTypeSymbol;
        if (type is null || creation.Constructor is null)
        {
            return;
        }

        if (ValidationFailures.IsFailure(type))
        {
            // new ValidationFailure("ApiKey", "…"): a FluentValidation failure, shown as a validation message is.
            AddArguments(creation.Arguments, "errorMessage", "new ValidationFailure", UserMessageSinkKind.ValidationMessage, uses);
            return;
        }

        var kind = CreatedKindOf(type);
        if (kind == CreatedKind.Exception)
        {
            var sent = IsGrpcStatus(type) || type.DerivesFrom(_hubException) || type.DerivesFrom(_executionError)
                ? UserMessageSinkKind.CallerError
                : UserMessageSinkKind.ExceptionMessage;
            AddArguments(creation.Arguments, MessageParameterName(creation.Constructor), "new " + type.Name, sent, uses);
            return;
        }

        if (kind == CreatedKind.ObjectResult)
        {
            AddArguments(creation.Arguments, "error", "new " + type.Name, UserMessageSinkKind.ResponseBody, uses);
            AddArguments(creation.Arguments, "value", "new " + type.Name, UserMessageSinkKind.ResponseBody, uses);
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name is "error" or "value")
                {
                    AddResponseData(argument.Value, "new " + type.Name, uses);
                }
            }

            return;
        }

        if (kind == CreatedKind.ViewModel)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue && IsMessageName(parameter.Name))
                {
                    AddIfText(argument.Value, type.Name + "." + parameter.Name, UserMessageSinkKind.MessageMember, isStateLabel: false, uses);
                }
            }
        }
    }

    /// <summary>
    /// The parameter of an exception constructor that becomes the exception's message. A library's is called
    /// <c>message</c>; one declared in this compilation may call it anything (<c>PleoApiException(string msg) :
    /// base(msg)</c>), so its initializer says which parameter it passes on as the base constructor's message.
    /// </summary>
    private string MessageParameterName(IMethodSymbol constructor) =>
        IsGrpcStatus(constructor.ContainingType) ? GrpcStatusDetail
        : constructor.DeclaringSyntaxReferences.IsEmpty
            ? MessageParameter
            : _messageParameters.GetOrCompute(constructor.OriginalDefinition, this, static (self, definition) => self.FollowMessageParameter(definition, hops: 0));

    private string FollowMessageParameter(IMethodSymbol constructor, int hops)
    {
        if (constructor.DeclaringSyntaxReferences.IsEmpty)
        {
            return MessageParameter;
        }

        // Binding the initializer is the cost: a constructor without a string parameter has no message to pass on.
        if (hops < MaxInitializerHops && HasStringParameter(constructor) && Initializer(constructor) is { } initializer)
        {
            var passedAs = FollowMessageParameter(initializer.TargetMethod.OriginalDefinition, hops + 1);
            foreach (var argument in initializer.Arguments)
            {
                if (argument.Parameter?.Name == passedAs
                    && argument.Value.WithoutConversions() is IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_String } parameter }
                    && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, constructor))
                {
                    return parameter.Name;
                }
            }
        }

        return MessageParameter;
    }

    private static bool HasStringParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>: base(…)</c> or <c>: this(…)</c> call of a source constructor, or the base call of a primary constructor.</summary>
    private IInvocationOperation? Initializer(IMethodSymbol constructor)
    {
        var syntax = constructor.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode? call = syntax switch
        {
            ConstructorDeclarationSyntax declaration => declaration.Initializer,
            TypeDeclarationSyntax type => PrimaryConstructors.BaseCallOf(type),
            _ => null,
        };
        if (call is null || !_compilation.ContainsSyntaxTree(call.SyntaxTree))
        {
            return null;
        }

#pragma warning disable RS1030 // The constructor lives in another tree than the one being analysed, as a callee does (see CallSummaries).
        return _compilation.GetSemanticModel(call.SyntaxTree).GetOperation(call) as IInvocationOperation;
#pragma warning restore RS1030
    }

    private CreatedKind CreatedKindOf(INamedTypeSymbol type) =>
        type.IsAnonymousType ? CreatedKind.ViewModel : _createdKinds.GetOrCompute(type.OriginalDefinition, this, static (self, definition) => self.ComputeCreatedKind(definition));

    /// <summary>What an object created of the type can carry to the user; asked for every object created, so worked out once per type.</summary>
    private CreatedKind ComputeCreatedKind(INamedTypeSymbol definition) =>
        definition.DerivesFrom(_exception) || IsGrpcStatus(definition) ? CreatedKind.Exception
        // A JsonResult is no ObjectResult, but its value reaches the browser the same way.
        : definition.DerivesFrom(_objectResult) || definition.DerivesFrom(_jsonResult) ? CreatedKind.ObjectResult
        : IsViewModel(definition) ? CreatedKind.ViewModel
        : CreatedKind.None;

    private void FindInAssignment(IAssignmentOperation assignment, List<UserMessageSinkUse> uses)
    {
        if (AddIfExtension(assignment, uses))
        {
            return;
        }

        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                when indexer.Instance is { } instance && IsViewState(instance.Type) && indexer.Arguments.Length == 1:
                {
                    var key = indexer.Arguments[0].Value.ConstantValue;
                    var keyName = key.HasValue && key.Value is string text ? text : string.Empty;
                    AddIfText(assignment.Value, ViewStateName(instance, keyName), UserMessageSinkKind.ViewState, IsStateLabelName(keyName), uses);
                    break;
                }

            case IDynamicMemberReferenceOperation { Instance: IPropertyReferenceOperation { Property.Name: "ViewBag" } } viewBag:
                AddIfText(assignment.Value, "ViewBag." + viewBag.MemberName, UserMessageSinkKind.ViewState, IsStateLabelName(viewBag.MemberName), uses);
                break;

            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                {
                    // The name first: every property set in an object initializer comes here, and the base types need a walk.
                    var containing = property.Property.ContainingType?.OriginalDefinition;
                    var name = property.Property.Name;
                    if (name is "Title" or "Detail" && containing is not null && containing.DerivesFrom(_problemDetails))
                    {
                        AddIfText(assignment.Value, "ProblemDetails." + name, UserMessageSinkKind.ProblemDetails, isStateLabel: false, uses);
                    }
                    else if (name == "ErrorMessage" && containing is not null && containing.DerivesFrom(_validationAttribute))
                    {
                        AddIfText(assignment.Value, "[" + containing.Name + "] ErrorMessage", UserMessageSinkKind.ValidationMessage, isStateLabel: false, uses);
                    }
                    else if (name == "Content" && containing is not null && containing.DerivesFrom(_contentResult))
                    {
                        AddIfText(assignment.Value, "ContentResult.Content", UserMessageSinkKind.ResponseBody, isStateLabel: false, uses);
                    }
                    else
                    {
                        AddIfMessageMember(property.Property, property.Property.Type, assignment.Value, uses);
                    }

                    break;
                }

            case IFieldReferenceOperation field:
                AddIfMessageMember(field.Field, field.Field.Type, assignment.Value, uses);
                break;
        }
    }

    /// <summary>A <c>ProblemDetails</c> extension, written into the response's JSON: <c>problem.Extensions["exception"] = …</c>, <c>Add</c>, <c>TryAdd</c>.</summary>
    private bool AddIfExtension(IOperation operation, List<UserMessageSinkUse> uses)
    {
        if (!DictionaryWrites.TryGetProblemExtension(operation, _problemDetails, out _, out var value))
        {
            return false;
        }

        AddIfText(value, "ProblemDetails.Extensions", UserMessageSinkKind.ResponseData, isStateLabel: false, uses);
        return true;
    }

    /// <summary>
    /// The members of an anonymous response body that are not named as messages (those are judged as messages wherever
    /// an anonymous object is made): <c>detail = ex.ToString()</c> in <c>Ok(new { error = "…", detail = … })</c>.
    /// </summary>
    private static void AddResponseData(IOperation body, string sinkName, List<UserMessageSinkUse> uses)
    {
        if (body.WithoutConversions() is not IAnonymousObjectCreationOperation anonymous)
        {
            return;
        }

        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var member } } assignment && !IsAnonymousMessageName(member.Name))
            {
                AddIfText(assignment.Value, sinkName + " { " + member.Name + " }", UserMessageSinkKind.ResponseData, isStateLabel: false, uses);
            }
        }
    }

    /// <summary>
    /// A member of an anonymous object named as a message: as <see cref="IsMessageName"/>, and also a bare <c>message</c>,
    /// the most common shape of a JSON error (<c>new { message = "…" }</c>). A type's <c>Message</c> member is left out: on an
    /// exception, a log entry or a chat message it is no text for the user.
    /// </summary>
    private static bool IsAnonymousMessageName(string name) =>
        IsMessageName(name) || string.Equals(name, "message", StringComparison.OrdinalIgnoreCase);

    private void AddIfMessageMember(ISymbol member, ITypeSymbol memberType, IOperation value, List<UserMessageSinkUse> uses)
    {
        if (memberType.SpecialType == SpecialType.System_String
            && member.ContainingType is { } containing
            && (containing.IsAnonymousType ? IsAnonymousMessageName(member.Name) : IsMessageName(member.Name))
            && IsViewModel(containing))
        {
            var sinkName = containing.IsAnonymousType ? "new { " + member.Name + " = … }" : member.Name;
            AddIfText(value, sinkName, UserMessageSinkKind.MessageMember, isStateLabel: false, uses);
        }
    }

    /// <summary>What a lambda returns when its body is that one value (<c>x =&gt; "…"</c>, or a block of one return); otherwise null.</summary>
    private static IOperation? ReturnedText(IOperation value) =>
        value.WithoutConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Body.Operations: { Length: 1 } operations } }
        && operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? returned
            : null;

    private static void AddArguments(
        ImmutableArray<IArgumentOperation> arguments,
        string parameterName,
        string sinkName,
        UserMessageSinkKind kind,
        List<UserMessageSinkUse> uses)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                AddIfText(argument.Value, sinkName, kind, isStateLabel: false, uses);
            }
        }
    }

    // A message is text: a string, or a string boxed into an object-typed body. An anonymous object
    // body ("new { error = ... }") is looked into by the assignment of its members instead.
    private static void AddIfText(IOperation value, string sinkName, UserMessageSinkKind kind, bool isStateLabel, List<UserMessageSinkUse> uses)
    {
        var unwrapped = value;
        while (unwrapped is IConversionOperation { IsImplicit: true } conversion)
        {
            unwrapped = conversion.Operand;
        }

        if (unwrapped.Type?.SpecialType == SpecialType.System_String
            || (unwrapped.Type is null && unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is string))
        {
            uses.Add(new UserMessageSinkUse(unwrapped, sinkName, kind, isStateLabel));
        }
        else if (unwrapped.Type is { } type && IsLocalizedString(type))
        {
            uses.Add(new UserMessageSinkUse(unwrapped, sinkName, kind, isStateLabel));
        }
    }

    /// <summary>
    /// FastEndpoints' validation errors (<c>AddError(r =&gt; r.ApiKey, "…")</c>, <c>ThrowError("…")</c>), sent in the 400
    /// response's errors as a model error is, and the text and bodies its response sender writes.
    /// </summary>
    private static bool FindInFastEndpoints(IInvocationOperation invocation, List<UserMessageSinkUse> uses)
    {
        var method = invocation.TargetMethod;
        var validation = FastEndpointsApi.AddsValidationError(method);
        var text = !validation && FastEndpointsApi.SendsText(method);
        var body = !validation && !text && FastEndpointsApi.SendsBody(method);
        if (!validation && !text && !body)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (validation && FastEndpointsApi.IsMessageParameter(parameter))
            {
                AddIfText(argument.Value, method.Name, UserMessageSinkKind.ModelError, isStateLabel: false, uses);
            }
            else if ((text && parameter.Name == FastEndpointsApi.TextParameter) || (body && FastEndpointsApi.IsBodyParameter(parameter)))
            {
                AddIfText(argument.Value, "Send." + method.Name, UserMessageSinkKind.ResponseBody, isStateLabel: false, uses);
                AddResponseData(argument.Value, "Send." + method.Name, uses);
            }
        }

        return true;
    }

    /// <summary>
    /// A text written to the console, or an exception written whole (<c>Console.Error.WriteLine(ex)</c>,
    /// <c>AnsiConsole.WriteException(ex)</c>), which prints its text and stack trace.
    /// </summary>
    private void AddConsoleText(IOperation value, string sinkName, List<UserMessageSinkUse> uses)
    {
        if (value.WithoutConversions() is { Type: { } type } written && type.DerivesFrom(_exception))
        {
            uses.Add(new UserMessageSinkUse(written, sinkName, UserMessageSinkKind.ConsoleOutput, isStateLabel: false));
            return;
        }

        AddIfText(value, sinkName, UserMessageSinkKind.ConsoleOutput, isStateLabel: false, uses);
    }

    /// <summary>
    /// The messages of <c>ValidationProblem(new Dictionary&lt;string, string[]&gt; { ["ApiKey"] = ["…"] })</c>: shown next
    /// to the field they name, so judged as a validation message. Only a dictionary written out in the call is read.
    /// </summary>
    private static void AddValidationErrors(IOperation errors, string sinkName, List<UserMessageSinkUse> uses)
    {
        if (errors.WithoutConversions() is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return;
        }

        foreach (var entry in initializer.Initializers)
        {
            var messages = entry switch
            {
                ISimpleAssignmentOperation { Value: var value } => value,
                IInvocationOperation { Arguments.Length: 2 } add => add.Arguments[1].Value,
                _ => null,
            };
            switch (messages?.WithoutConversions())
            {
                case IArrayCreationOperation { Initializer: { } elements }:
                    foreach (var message in elements.ElementValues)
                    {
                        AddIfText(message, sinkName, UserMessageSinkKind.ValidationMessage, isStateLabel: false, uses);
                    }

                    break;
                case { Kind: OperationKind.None or SecretFlow.CollectionExpressionKind } collection:
                    // ["…"]: a collection expression, an untyped node to the Roslyn the analyzer is built against.
                    foreach (var message in collection.ChildOperations)
                    {
                        AddIfText(message, sinkName, UserMessageSinkKind.ValidationMessage, isStateLabel: false, uses);
                    }

                    break;
            }
        }
    }

    /// <summary>A type of FluentValidation's own namespaces (<c>FluentValidation</c>, <c>FluentValidation.Internal</c>, …).</summary>
    private static bool IsFluentValidation(INamedTypeSymbol type) => FlowTypes.RootNamespace(type) == "FluentValidation";


    private static bool IsLocalizedString(ITypeSymbol type) =>
        type.Name == "LocalizedString" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Localization";

    private bool IsViewState(ITypeSymbol? type) =>
        type is not null && ((_tempData is not null && Implements(type, _tempData)) || type.DerivesFrom(_viewData));

    private static string ViewStateName(IOperation instance, string key)
    {
        var owner = instance is IPropertyReferenceOperation property ? property.Property.Name : instance.Type?.Name ?? "ViewData";
        return key.Length == 0 ? owner : owner + "[\"" + key + "\"]";
    }

    private bool IsViewModel(INamedTypeSymbol type)
    {
        if (type.IsAnonymousType)
        {
            return true;
        }

        // Asked for every object created: the walk up the base types is done once per type.
        return _viewModels.GetOrCompute(type.OriginalDefinition, this, static (self, definition) => self.ComputeIsViewModel(definition));
    }

    private bool ComputeIsViewModel(INamedTypeSymbol type)
    {
        foreach (var ending in ViewModelNameEndings)
        {
            if (type.Name.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var baseType in _viewModelBases)
        {
            if (type.DerivesFrom(baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWith(IReadOnlyList<string> words, string[] ending)
    {
        if (words.Count < ending.Length)
        {
            return false;
        }

        for (var i = 0; i < ending.Length; i++)
        {
            if (!string.Equals(words[words.Count - ending.Length + i], ending[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] metadataNames)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in metadataNames)
        {
            if (compilation.FindType(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol type)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }

    // AllInterfaces builds every interface of a constructed type (a Dictionary<,> has a dozen), so it is
    // asked only of types that are not generic: a TempData implementation is not.
    private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface)
        || (type is INamedTypeSymbol { IsGenericType: false } && Contains(type.AllInterfaces, @interface));
}
