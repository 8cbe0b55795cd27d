using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// Follows secrets through one method body (with its lambdas and local functions): answers, for an operand,
/// which secrets it carries, whole or as a slice, and where they show in it. Locals and parameters take the
/// values assigned to them before the use; an assignment that always runs before the use replaces earlier
/// ones, so reassigning from a sanitizer clears a secret. Calls into methods of the same compilation are
/// followed through <see cref="CallSummaries"/>.
/// </summary>
internal sealed class SecretFlow
{
    private const int MaxChain = 24;

    // OperationKind.CollectionExpression and OperationKind.Spread of Roslyn 4.9 and later, unnamed in 4.8.
    internal const OperationKind CollectionExpressionKind = (OperationKind)0x7f;
    private const OperationKind SpreadKind = (OperationKind)0x80;

    private readonly SecretModel _model;
    private readonly BodyOperations _body;
    private readonly IParameterSymbol? _seed;
    private readonly CallSummaries? _calls;
    private readonly int _callDepth;
    private Dictionary<ISymbol, List<Definition>>? _definitions;
    private bool? _readsKeyFromQuery;

    // Set while an operand is visited as a JSON serializer writes it (CollectAsJson, JsonSerializer.Serialize's argument).
    private JsonWriter? _json;

    /// <param name="body">The index of the body the flow follows values through.</param>
    /// <param name="seed">A parameter to treat as a secret whatever its name (used to summarise callees).</param>
    public SecretFlow(SecretModel model, BodyOperations body, CallSummaries? calls, int callDepth, IParameterSymbol? seed = null)
    {
        _model = model;
        _body = body;
        _calls = calls;
        _callDepth = callDepth;
        _seed = seed;
    }

    public SecretModel Model => _model;

    /// <summary>How many more levels of calls into this compilation are followed from here.</summary>
    public int CallDepth => _callDepth;

    /// <summary>Adds to <paramref name="hits"/> every secret <paramref name="operand"/> carries (at most one per secret source).</summary>
    public void Collect(IOperation operand, List<SecretHit> hits) => Visit(operand, hits, 0);

    /// <summary>What a JSON serializer writes of <paramref name="operand"/>: a member a <c>[JsonIgnore]</c> hides is left out.</summary>
    public void CollectAsJson(IOperation operand, List<SecretHit> hits) => VisitAs(JsonWriter.Endpoint, operand, hits, 0);

    /// <summary>Visits with <see cref="_json"/> set for that visit only (null: not as JSON).</summary>
    private void VisitAs(JsonWriter? json, IOperation? operand, List<SecretHit> hits, int chain)
    {
        var outer = _json;
        _json = json;
        try
        {
            Visit(operand, hits, chain);
        }
        finally
        {
            _json = outer;
        }
    }

    /// <summary>Where a message comes from outside the body's own making: a parameter, a member, an element, a call's result.</summary>
    private static bool IsReadMessage(OperationKind kind) => kind is OperationKind.ParameterReference or OperationKind.FieldReference
        or OperationKind.PropertyReference or OperationKind.ArrayElementReference or OperationKind.Invocation or OperationKind.Await;

    /// <summary>The variable of a <c>foreach</c> (or <c>await foreach</c>): each element of what it loops over, which the body did not make.</summary>
    private static bool IsIterationVariable(ILocalSymbol local)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a JSON serializer writes what <paramref name="member"/> of a created object is given (not when it is visited as JSON and always ignored).</summary>
    private bool Writes(ISymbol? member) => _json is not { } writer || member is null || !SerializedSecrets.IsJsonIgnored(member, writer, _model);

    /// <summary>Whether the operand carries a secret at all.</summary>
    public bool Carries(IOperation operand)
    {
        var hits = new List<SecretHit>(1);
        Visit(operand, hits, 0);
        return hits.Count > 0;
    }

    private void Visit(IOperation? operation, List<SecretHit> hits, int chain)
    {
        if (operation is null || chain > MaxChain)
        {
            return;
        }

        operation = Unwrap(operation);
        if (operation.Type is not null && !FlowTypes.CanCarry(operation.Type) && !_model.IsSecretType(operation.Type))
        {
            return;
        }

        if (_model.ReferencesProtobuf && _json is null && (IsReadMessage(operation.Kind) || operation.Kind == OperationKind.LocalReference)
            && _model.PrintedMessageSecret(operation.Type) is { } printed && (operation is not ILocalReferenceOperation iterated || IsIterationVariable(iterated.Local)))
        {
            // logger.LogInformation("{Request}", request): a protobuf message prints every field, its ApiKey among them.
            // One made in place is judged by what it is given, like any object (a local by the values it is given), and
            // JSON sinks judge the type themselves.
            Add(hits, SecretHit.InSerializedText(printed, operation));
        }

        if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
            && AuthorizationHeaders.OwnerOf(operation) is { IsKnown: true } owner)
        {
            // A request or its headers print every header: what the body wrote into their Authorization header.
            VisitWrittenCredentials(owner, operation, hits, chain);
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                VisitVariable(local.Local, local, hits, chain);
                break;
            case IParameterReferenceOperation parameter:
                VisitVariable(parameter.Parameter, parameter, hits, chain);
                break;
            case IFieldReferenceOperation field:
                VisitMember(field.Field, field.Type, field, hits);
                break;
            case IPropertyReferenceOperation property:
                VisitProperty(property, hits, chain);
                break;
            case IInvocationOperation invocation:
                VisitInvocation(invocation, hits, chain);
                break;
            case IObjectCreationOperation creation:
                // A record keeps what its constructor is given and prints it: new PleoCredentials(companyId, apiKey) carries
                // the key as new PleoCredentials { ApiKey = apiKey } does through its initializer.
                if (creation.Type?.SpecialType == SpecialType.System_String || IsStringBuilder(creation.Type) || AuthorizationHeaders.IsHeaderValue(creation.Type)
                    || FlowTypes.IsBinaryData(creation.Type))
                {
                    VisitArguments(creation.Arguments, hits, chain);
                }
                else if (creation.Type is INamedTypeSymbol { IsRecord: true } record)
                {
                    foreach (var argument in creation.Arguments)
                    {
                        // A positional parameter fills the property of its name: [property: JsonIgnore] hides it from JSON.
                        if (Writes(argument.Parameter is { } parameter ? FirstProperty(record, parameter.Name) : null))
                        {
                            Visit(argument.Value, hits, chain + 1);
                        }
                    }
                }
                else if (IsKeyValuePair(creation.Type) && creation.Arguments.Length == 2)
                {
                    // new("pleo.key", apiKey): a tag, a scope's or a dictionary's entry carries its value, not its name.
                    Visit(creation.Arguments[1].Value, hits, chain + 1);
                }

                Visit(creation.Initializer, hits, chain + 1);
                break;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    Visit(initializer, hits, chain + 1);
                }

                break;
            case IWithOperation copy:
                {
                    // current with { ApiKey = newApiKey }: the copy holds what it is given, as an initializer's object does,
                    // reported at the copy, where a check of the copied object's type reports what it keeps.
                    var given = new List<SecretHit>();
                    VisitInitializer(copy.Initializer, entry: null, given, chain + 1);
                    foreach (var hit in given)
                    {
                        Add(hits, hit.WithAt(copy));
                    }

                    break;
                }
            case IObjectOrCollectionInitializerOperation initializer:
                VisitInitializer(initializer, entry: null, hits, chain);
                break;
            case IMemberInitializerOperation member:
                Visit(member.Initializer, hits, chain + 1);
                break;
            case IInterpolatedStringOperation interpolated:
                var firstOfText = hits.Count;
                foreach (var part in interpolated.Parts)
                {
                    Visit(part, hits, chain + 1);
                }

                MarkInText(hits, firstOfText, interpolated.Parts.Length > 1);
                break;
            case IInterpolationOperation hole:
                VisitAsText(hole.Expression, hits, chain);
                break;
            case IInterpolatedStringHandlerCreationOperation handler:
                var firstOfHandled = hits.Count;
                Visit(handler.Content, hits, chain + 1);
                MarkInText(hits, firstOfHandled, handler.Content is IInterpolatedStringOperation { Parts.Length: > 1 } or IInterpolatedStringAdditionOperation);
                break;
            case IInterpolatedStringAdditionOperation addition:
                Visit(addition.Left, hits, chain + 1);
                Visit(addition.Right, hits, chain + 1);
                break;
            case IInterpolatedStringAppendOperation append:
                if (append.AppendCall is IInvocationOperation { Arguments.Length: > 0 } appendCall)
                {
                    VisitAsText(appendCall.Arguments[0].Value, hits, chain);
                }

                break;
            case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                var firstOfSum = hits.Count;
                VisitAsText(binary.LeftOperand, hits, chain);
                VisitAsText(binary.RightOperand, hits, chain);
                MarkInText(hits, firstOfSum, true);
                break;
            case ICoalesceOperation coalesce:
                Visit(coalesce.Value, hits, chain + 1);
                Visit(coalesce.WhenNull, hits, chain + 1);
                break;
            case IConditionalOperation conditional:
                // key.Length <= 4 ? key : "••••" + key[^4..]: the key shown whole is at most four characters long.
                if (!TextTransforms.ShowsOnlyShortText(conditional, conditional.WhenTrue, conditional.WhenTrue))
                {
                    Visit(conditional.WhenTrue, hits, chain + 1);
                }

                if (conditional.WhenFalse is { } whenFalse && !TextTransforms.ShowsOnlyShortText(conditional, whenFalse, whenFalse))
                {
                    Visit(whenFalse, hits, chain + 1);
                }

                break;
            case IConditionalAccessOperation conditionalAccess:
                Visit(conditionalAccess.WhenNotNull, hits, chain + 1);
                break;
            case IConditionalAccessInstanceOperation accessInstance:
                Visit(ConditionalAccessReceiver(accessInstance), hits, chain + 1);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Visit(element, hits, chain + 1);
                }

                break;
            case IArrayCreationOperation array:
                Visit(array.Initializer, hits, chain + 1);
                break;
            case IArrayInitializerOperation arrayInitializer:
                foreach (var value in arrayInitializer.ElementValues)
                {
                    Visit(value, hits, chain + 1);
                }

                break;
            case IArrayElementReferenceOperation element:
                Visit(element.ArrayReference, hits, chain + 1);
                break;
            case IAwaitOperation awaited:
                Visit(awaited.Operation, hits, chain + 1);
                break;
            case ISimpleAssignmentOperation assignment:
                Visit(assignment.Value, hits, chain + 1);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Visit(arm.Value, hits, chain + 1);
                }

                break;
            case IImplicitIndexerReferenceOperation indexer:
                VisitSlice(indexer.Instance, indexer, SliceOf(indexer.Argument, indexer.Instance), hits, chain);
                break;
            default:
                if (operation.Kind is OperationKind.None or CollectionExpressionKind or SpreadKind)
                {
                    // The analyzer is built against Roslyn 4.8, which exposes collection expressions (and their
                    // spreads) only as untyped nodes; the compilers that run it since 4.9 give them kinds of their own.
                    foreach (var child in operation.ChildOperations)
                    {
                        Visit(child, hits, chain + 1);
                    }
                }

                break;
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static IOperation? ConditionalAccessReceiver(IConditionalAccessInstanceOperation instance)
    {
        for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private static void Add(List<SecretHit> hits, SecretHit hit)
    {
        foreach (var existing in hits)
        {
            if (existing.At == hit.At && existing.SourceName == hit.SourceName && existing.IsPartial == hit.IsPartial)
            {
                return;
            }
        }

        hits.Add(hit);
    }

    /// <param name="type">The member's type where the reference gives it; null to ask the member.</param>
    private void VisitMember(ISymbol member, ITypeSymbol? type, IOperation at, List<SecretHit> hits)
    {
        if (_model.IsSecret(member, type))
        {
            // A bare "Key" or "Value" would not say which: PleoCredentials.Key, AccessToken.Value.
            var name = member.Name is "Key" or "Value" ? member.ContainingType.Name + "." + member.Name : member.Name;
            Add(hits, new SecretHit(member, name, at, isPartial: false));
        }
    }

    private void VisitProperty(IPropertyReferenceOperation property, List<SecretHit> hits, int chain)
    {
        var symbol = property.Property;
        if (symbol.IsIndexer)
        {
            if (symbol.ContainingType.SpecialType == SpecialType.System_String && property.Arguments.Length == 1)
            {
                // key[0]: one character; only the last four may show.
                VisitSlice(property.Instance, property, IsWithinLastFour(property.Arguments[0].Value) ? Slice.LastFour : Slice.Partial, hits, chain);
            }
            else if (ConfigurationKeys.IsSecretLookup(property, _model) is { } key)
            {
                Add(hits, new SecretHit(null, key, property, isPartial: false));
            }
            else if (ConstantKey(property) is not null && ReceivedRequests.IsReceivedValues(property.Instance))
            {
                // Request.Headers["X-Correlation-Id"], Query["page"]: one entry the client sent, judged by its name above.
            }
            else if (ConstantKey(property) is string listed && ConfigurationKeys.IsSettingsListing(property.Instance, out var environment))
            {
                // Environment.GetEnvironmentVariables()["PATH"], a configuration listing's dictionary["Logging:LogLevel"]: one
                // entry, judged by its name, not the whole listing.
                if (ConfigurationKeys.SecretListedEntry(listed, environment, _model) is { } name)
                {
                    Add(hits, new SecretHit(null, name, property, isPartial: false));
                }
            }
            else if (property.Arguments.Length > 1 && IsLocalizer(symbol.ContainingType))
            {
                // L["KeyRejectedFor", apiKey]: the localized text is formatted with the arguments after its name.
                for (var index = 1; index < property.Arguments.Length; index++)
                {
                    Visit(property.Arguments[index].Value, hits, chain + 1);
                }
            }
            else
            {
                VisitEntry(property.Instance, ConstantKey(property), hits, chain);
            }

            return;
        }

        if (AuthorizationHeaders.IsCredentialRead(symbol))
        {
            // request.Headers.Authorization: the credential, whatever the code calls it.
            Add(hits, new SecretHit(symbol, symbol.Name, property, isPartial: false));
            return;
        }

        if (_model.IsAttemptedSecret(symbol))
        {
            // failure.AttemptedValue: the value that failed a rule, the key where a rule is on it.
            Add(hits, new SecretHit(symbol, "ValidationFailure.AttemptedValue", property, isPartial: false));
            return;
        }

        if (ReceivedRequests.IsHeaders(symbol) || (ReceivedRequests.IsQuery(symbol) && ReadsKeyFromQuery()))
        {
            // Request.Headers: every header the server received, the Authorization header among them; Request.QueryString
            // where the body read a key from the query.
            Add(hits, new SecretHit(symbol, symbol.ContainingType.Name + "." + symbol.Name, property, isPartial: false));
            return;
        }

        if (AuthorizationHeaders.IsCredentialPart(symbol))
        {
            // header.Parameter: the credential part of an Authorization header's value.
            Visit(property.Instance, hits, chain + 1);
            return;
        }

        if (ConfigurationKeys.IsSectionValue(property) || ConfigurationKeys.IsModelStateValue(property) || FlowTypes.IsPairValue(symbol)
            || IsLocalizedText(symbol) || ReceivedRequests.IsTextOf(symbol))
        {
            // L["KeyRejectedFor", apiKey].Value: the localized text, formatted with its arguments.
            // configuration.GetSection("Pleo:ApiKey").Value: the section of a secret key holds the secret;
            // ModelState["Input.ApiKey"].AttemptedValue: the entry of a secret field holds what was sent;
            // pair.Value, settings.Values: the values of the entries of the collection (their Keys are only the entries' names);
            // QueryString.Value, uri.AbsoluteUri: the text of the query or URL.
            var found = new List<SecretHit>();
            Visit(property.Instance, found, chain + 1);
            foreach (var hit in found)
            {
                Add(hits, hit.WithAt(property));
            }

            return;
        }

        if (symbol.ContainingType.IsAnonymousType)
        {
            VisitAnonymousMember(property, hits, chain);
        }

        VisitMember(symbol, property.Type, property, hits);
    }

    /// <summary>
    /// The entry <c>receiver.TryGetValue(key, out value)</c> gives its <c>out</c> variable, read as <c>receiver[key]</c>
    /// is (<see cref="VisitProperty"/>): a secret field or header the client sent, one entry of a local collection, or
    /// whatever the receiver holds.
    /// </summary>
    private void VisitEntryRead(IInvocationOperation tryGetValue, List<SecretHit> hits, int chain)
    {
        if (ConfigurationKeys.IsSecretEntryRead(tryGetValue, _model) is { } field)
        {
            Add(hits, new SecretHit(null, field, tryGetValue, isPartial: false));
        }
        else if (!ReceivedRequests.IsReceivedValues(tryGetValue.Instance))
        {
            VisitEntry(tryGetValue.Instance, tryGetValue.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } key } ? key : null, hits, chain);
        }
    }

    /// <summary>
    /// The entry <paramref name="receiver"/> holds under <paramref name="key"/> (<c>payload["company"]</c>, or read with
    /// <c>TryGetValue</c>): of a local collection, only what was stored under that key, or under a key not known, can be
    /// read back; of anything else, or with a key not known, whatever the receiver holds.
    /// </summary>
    private void VisitEntry(IOperation? receiver, object? key, List<SecretHit> hits, int chain)
    {
        if (key is not null && receiver?.WithoutConversions() is { } instance && DefinitionCollector.Variable(instance) is { } collection)
        {
            VisitVariable(collection, instance, hits, chain, key);
        }
        else
        {
            Visit(receiver, hits, chain + 1);
        }
    }

    /// <summary><c>LocalizedString.Value</c>: the formatted text (a <c>LocalizedHtmlString</c>'s <c>Value</c> is its unformatted resource).</summary>
    private static bool IsLocalizedText(IPropertySymbol property) =>
        property.Name == "Value" && FlowTypes.IsNamed(property.ContainingType, "LocalizedString", "Microsoft.Extensions.Localization");

    /// <summary><c>localizer.GetString("KeyRejectedFor", apiKey)</c>: the text is formatted with the arguments after its name.</summary>
    private static bool IsLocalizerFormat(IMethodSymbol method) =>
        method.Name is "GetString" or "GetHtml"
        && (method.ReducedFrom ?? method).ContainingType is { } type
        && (IsLocalizer(type) || type.Name is "StringLocalizerExtensions" or "HtmlLocalizerExtensions");

    /// <summary><c>IStringLocalizer</c>, <c>IHtmlLocalizer</c>, <c>IViewLocalizer</c> and their generic and concrete forms.</summary>
    private static bool IsLocalizer(INamedTypeSymbol type) =>
        type.Name is "IStringLocalizer" or "StringLocalizer" or "IHtmlLocalizer" or "HtmlLocalizer" or "IViewLocalizer" or "ViewLocalizer"
        && (FlowTypes.IsNamespace(type.ContainingNamespace, "Microsoft.Extensions.Localization")
            || FlowTypes.IsNamespace(type.ContainingNamespace, "Microsoft.AspNetCore.Mvc.Localization"));

    /// <param name="entry">The constant key of the one entry read (<c>payload["company"]</c>), or null for the whole object.</param>
    private void VisitInitializer(IObjectOrCollectionInitializerOperation initializer, object? entry, List<SecretHit> hits, int chain)
    {
        foreach (var element in initializer.Initializers)
        {
            if (entry is not null && EntryKeyOf(element) is { } key && !SameEntry(key, entry))
            {
                continue;
            }

            if (element is IInvocationOperation { Instance: IInstanceReferenceOperation } add)
            {
                // { { "key", apiKey } }: a collection initializer's Add holds its arguments.
                VisitArguments(add.Arguments, hits, chain);
            }
            else if (element is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } || Writes(target.Member))
            {
                Visit(element, hits, chain + 1);
            }
        }
    }

    /// <summary>Whether the body reads a key from a received request's query (<c>request.Query["api_key"]</c>, <c>TryGetValue</c>): then the query and URL written whole hold it.</summary>
    /// <remarks>Asked only where the body writes a query or URL; the answer is kept for the body.</remarks>
    private bool ReadsKeyFromQuery()
    {
        if (_readsKeyFromQuery is { } known)
        {
            return known;
        }

        var reads = false;
        foreach (var reference in _body.References)
        {
            if (reference is IPropertyReferenceOperation { Arguments.Length: 1 } indexer && ReceivedRequests.IsQueryValues(indexer.Instance)
                && ConfigurationKeys.IsSecretLookup(indexer, _model) is not null)
            {
                reads = true;
                break;
            }
        }

        for (var index = 0; !reads && index < _body.Candidates.Length; index++)
        {
            reads = _body.Candidates[index] is IInvocationOperation read
                && ReceivedRequests.IsQueryValues(read.Instance) && ConfigurationKeys.IsSecretEntryRead(read, _model) is not null;
        }

        _readsKeyFromQuery = reads;
        return reads;
    }

    /// <summary>The secrets the body wrote into the Authorization header of <paramref name="owner"/> before <paramref name="reference"/> reads its request or headers.</summary>
    private void VisitWrittenCredentials(HeaderOwner owner, IOperation reference, List<SecretHit> hits, int chain)
    {
        var position = reference.Syntax.SpanStart;
        List<SecretHit>? found = null;
        foreach (var candidate in _body.Candidates)
        {
            if (candidate.Syntax.SpanStart < position
                && AuthorizationHeaders.WrittenCredential(candidate, out var written) is { } value
                && written.Is(owner))
            {
                Visit(value, found ??= new List<SecretHit>(), chain + 1);
            }
        }

        if (found is not null)
        {
            foreach (var hit in found)
            {
                Add(hits, hit.WithAt(reference));
            }
        }
    }

    /// <summary>
    /// Whether two constant keys may name the same entry. Text keys are compared ignoring case: a dictionary made with
    /// <c>StringComparer.OrdinalIgnoreCase</c>, a <c>NameValueCollection</c> or a header dictionary takes "Auth" and
    /// "auth" for one entry, and which comparer a collection has is seldom visible where it is read.
    /// </summary>
    private static bool SameEntry(object stored, object read) =>
        stored is string storedText && read is string readText
            ? string.Equals(storedText, readText, System.StringComparison.OrdinalIgnoreCase)
            : stored.Equals(read);

    /// <summary>
    /// <c>"company"</c> in <c>payload["company"]</c>: the constant key of an indexer with one argument (also given to an
    /// <c>object</c> key, as a non-generic dictionary's).
    /// </summary>
    private static object? ConstantKey(IPropertyReferenceOperation indexer) =>
        indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.WithoutConversions().ConstantValue is { HasValue: true, Value: { } key } ? key : null;

    /// <summary>
    /// The constant key an entry is stored under: <c>["key"] = v</c> and <c>{ "key", v }</c> in an initializer,
    /// <c>d["key"] = v</c> and <c>d.Add("key", v)</c> as a definition's value. Null when not known.
    /// </summary>
    private static object? EntryKeyOf(IOperation stored) => stored switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } => ConstantKey(indexer),
        IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2 } add
            when add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } key } => key,
        _ => null,
    };

    /// <summary>
    /// A value made text by its <c>ToString</c> (an interpolation hole, a concatenation, a call of <c>ToString</c>):
    /// an object that prints only its type's name shows none of the secrets it holds.
    /// </summary>
    private void VisitAsText(IOperation? value, List<SecretHit> hits, int chain)
    {
        if (value is not null && FlowTypes.PrintsNothingToJudge(value, _model))
        {
            return;
        }

        // Made text by its ToString, which prints what a [JsonIgnore] hides from JSON (a record's members). Asked of every
        // hole and concatenated part: the flag is changed only inside a JSON visit.
        if (_json is not null)
        {
            VisitAs(json: null, value, hits, chain + 1);
        }
        else
        {
            Visit(value, hits, chain + 1);
        }
    }

    /// <summary>
    /// <c>c.Key</c> where <c>var c = new { Key = apiKey }</c>, or read off the creation itself: what that member was given.
    /// Every value the local is given before the use counts (an anonymous object's local is seldom given another).
    /// </summary>
    private void VisitAnonymousMember(IPropertyReferenceOperation property, List<SecretHit> hits, int chain)
    {
        var instance = property.Instance is null ? null : Unwrap(property.Instance);
        var found = new List<SecretHit>();
        if (instance is ILocalReferenceOperation local)
        {
            if (TryGetDefinitions(local.Local, out var definitions))
            {
                foreach (var definition in definitions)
                {
                    if (definition.Position <= property.Syntax.SpanStart)
                    {
                        VisitAnonymousInitializer(definition.Value, property.Property.Name, found, chain);
                    }
                }
            }
        }
        else if (instance is not null)
        {
            VisitAnonymousInitializer(instance, property.Property.Name, found, chain);
        }

        foreach (var hit in found)
        {
            Add(hits, hit.WithAt(property));
        }
    }

    private void VisitAnonymousInitializer(IOperation value, string member, List<SecretHit> found, int chain)
    {
        if (Unwrap(value) is IAnonymousObjectCreationOperation creation)
        {
            foreach (var initializer in creation.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == member)
                {
                    Visit(assignment.Value, found, chain + 1);
                }
            }
        }
    }

    /// <param name="entry">The constant key of the one entry of a collection read (<c>payload["company"]</c>), or null.</param>
    private void VisitVariable(ISymbol variable, IOperation reference, List<SecretHit> hits, int chain, object? entry = null)
    {
        var isSecret = _model.IsSecret(variable, reference.Type) || SymbolEqualityComparer.Default.Equals(variable, _seed);
        List<SecretHit>? found = null;
        var cleared = false;

        // Whether every value the use can see is known and is a token made for the user (or nothing): see below.
        var onlyGiven = isSecret && variable.Kind == SymbolKind.Local && !SymbolEqualityComparer.Default.Equals(variable, _seed);

        // Whether every value the use can see is a setting declared public (var mapsApiKey = configuration["GoogleMaps:ApiKey"]).
        var onlyPublic = onlyGiven && !_model.PublicSettings.IsEmpty;
        var reachedStart = false;
        var position = reference.Syntax.SpanStart;
        if (TryGetDefinitions(variable, out var definitions))
        {
            // The definitions before the use, latest first, down to one that always runs before it.
            for (var index = definitions.Count - 1; index >= 0; index--)
            {
                var definition = definitions[index];
                if (definition.Position > position)
                {
                    continue;
                }

                var alwaysRuns = definition.Kills && definition.Scope.FullSpan.Contains(position);
                if (entry is not null && !definition.Kills
                    && EntryKeyOf(definition.Kind == DefinitionKind.AddsArguments ? definition.Value : definition.Value.Parent!) is { } stored && !SameEntry(stored, entry))
                {
                    // d["key"] = apiKey, d.Add("key", apiKey): another entry than the one read.
                    continue;
                }

                if (IsSanitized(definition.Value, chain))
                {
                    // Only an assignment that always runs before the use clears it: one in an if-branch does not.
                    cleared |= alwaysRuns;
                }
                else if (definition.Kind == DefinitionKind.AddsArguments)
                {
                    onlyGiven = onlyPublic = false;
                    VisitArguments(((IInvocationOperation)definition.Value).Arguments, found ??= new List<SecretHit>(), chain);
                }
                else if (definition.Kind == DefinitionKind.ReadsMember)
                {
                    // var (companyId, key) = credentials: what the member read would carry (VisitMember), no more;
                    // var (name, value) = pair, or of each pair of a collection: the value is what the collection holds.
                    onlyGiven = onlyPublic = false;
                    if (FlowTypes.IsPairValue(definition.Member!))
                    {
                        Visit(definition.Value, found ??= new List<SecretHit>(), chain + 1);
                    }
                    else
                    {
                        VisitMember(definition.Member!, type: null, definition.Value, found ??= new List<SecretHit>());
                    }
                }
                else if (definition.Kind == DefinitionKind.ReadsEntry)
                {
                    onlyGiven = onlyPublic = false;
                    VisitEntryRead((IInvocationOperation)definition.Value, found ??= new List<SecretHit>(), chain);
                }
                else if (entry is not null && ReceivedRequests.IsReceivedValues(definition.Value))
                {
                    // headers["X-Correlation-Id"] of var headers = Request.Headers: one entry the client sent, judged by its name.
                    onlyGiven = onlyPublic = false;
                }
                else if (entry is string entryName && ConfigurationKeys.IsSettingsListing(definition.Value, out var environment))
                {
                    // env["PLEO_API_KEY"] of var env = Environment.GetEnvironmentVariables(), settings["Logging:LogLevel"] of a
                    // configuration listing's dictionary: the entry, judged by its name.
                    onlyGiven = onlyPublic = false;
                    if (ConfigurationKeys.SecretListedEntry(entryName, environment, _model) is { } secretEntry)
                    {
                        Add(found ??= new List<SecretHit>(), new SecretHit(null, secretEntry, reference, isPartial: false));
                    }
                }
                else if (entry is not null && definition.Value.WithoutConversions() is IObjectCreationOperation { Initializer: { } initializer })
                {
                    onlyGiven = onlyPublic = false;
                    VisitInitializer(initializer, entry, found ??= new List<SecretHit>(), chain + 1);
                }
                else if (SplitOf(definition.Value) is { } split && IsWordName(variable.Name))
                {
                    // A word of a split text that carries no secret: `token` in a parser names a word, not a credential.
                    onlyGiven = onlyPublic = false;
                    var pieces = new List<SecretHit>();
                    Visit(definition.Value, pieces, chain + 1);
                    cleared |= alwaysRuns && pieces.Count == 0 && !MayHoldCredential(split);
                    foreach (var hit in pieces)
                    {
                        Add(found ??= new List<SecretHit>(), hit);
                    }
                }
                else
                {
                    Visit(definition.Value, found ??= new List<SecretHit>(), chain + 1);

                    // By the value's shape, not by what the visit found: `sso ? token.Value : other` finds the token
                    // too, and `other` (a parameter, a downloaded text) finds nothing.
                    onlyGiven &= IsUserBoundValue(definition.Value);
                    onlyPublic &= IsNothing(definition.Value) || ConfigurationKeys.IsPublicRead(definition.Value, _model);
                }

                if (alwaysRuns)
                {
                    reachedStart = true;
                    break;
                }
            }
        }

        // A name says secret, the only values it can hold are public: the values decide.
        // Last, since it walks the body: only when nothing the walk never sees writes the local (an out argument, a
        // ref alias, a lambda, a loop's later assignment) are its visible values all it can hold.
        cleared |= onlyPublic && reachedStart && found is not { Count: > 0 } && OnlyPlain(variable, reference);

        if (isSecret && !cleared)
        {
            if (onlyGiven && reachedStart && found is { Count: > 0 } && OnlyUserBound(found) && OnlyPlain(variable, reference))
            {
                // var accessToken = token.Value: a local named like a secret that only ever holds a token made for the
                // user is that token, a secret everywhere but where it is meant to go (UserBoundTokens).
                foreach (var hit in found)
                {
                    Add(hits, new SecretHit(hit.Source, variable.Name, reference, isPartial: false));
                }

                return;
            }

            Add(hits, new SecretHit(variable, variable.Name, reference, isPartial: false));
            return;
        }

        if (found is not null)
        {
            foreach (var hit in found)
            {
                Add(hits, hit.WithAt(reference));
            }
        }
    }

    private static bool OnlyPlain(ISymbol variable, IOperation reference) =>
        variable is ILocalSymbol local && LocalWrites.OnlyPlain(local, reference, out _, out _);

    private static bool OnlyUserBound(List<SecretHit> found)
    {
        foreach (var hit in found)
        {
            if (hit.IsPartial || !UserBoundTokens.IsUserBound(hit.Source))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A value that is a token made for the user, or nothing: <c>token.Value</c> (AccessToken), an awaited
    /// <c>UserManager.Generate…TokenAsync</c>, an antiforgery token (<c>tokens.RequestToken</c>), <c>null</c> or <c>""</c>,
    /// and <c>?:</c>, <c>??</c> and <c>?.</c> of such values. Anything else may be another secret.
    /// </summary>
    private static bool IsUserBoundValue(IOperation value)
    {
        value = Unwrap(value);
        if (IsNothing(value))
        {
            return true;
        }

        return value switch
        {
            IConditionalOperation conditional => conditional.WhenFalse is { } whenFalse && IsUserBoundValue(conditional.WhenTrue) && IsUserBoundValue(whenFalse),
            ICoalesceOperation coalesce => IsUserBoundValue(coalesce.Value) && IsUserBoundValue(coalesce.WhenNull),
            IConditionalAccessOperation access => IsUserBoundValue(access.WhenNotNull),
            IPropertyReferenceOperation property => UserBoundTokens.IsUserBound(property.Property),
            IAwaitOperation { Operation: IInvocationOperation call } => UserBoundTokens.IsUserBound(call.TargetMethod),
            _ => false,
        };
    }

    /// <summary><c>null</c>, <c>""</c> or <c>default</c>: a value that holds no secret of any kind.</summary>
    private static bool IsNothing(IOperation value) =>
        value.WithoutConversions().ConstantValue is { HasValue: true, Value: null or "" };

    private void VisitInvocation(IInvocationOperation invocation, List<SecretHit> hits, int chain)
    {
        var method = invocation.TargetMethod;
        if (_model.IsSanitizer(method))
        {
            // A masking helper of the project is taken at its word only as far as its body shows: one that returns more
            // than the last four (MaskKey(k) => k[..8] + "…") gives that part away wherever its result goes.
            if (IsCheckedSanitizer(method))
            {
                VisitReturnOfSourceMethod(invocation, hits, chain, sanitizer: true);
            }

            return;
        }

        if (method.MethodKind == MethodKind.Ordinary && _model.IsSecret(method))
        {
            Add(hits, new SecretHit(method, method.Name + "()", invocation, isPartial: false));
            return;
        }

        if (ReceivedRequests.IsUrl(method) && ReadsKeyFromQuery())
        {
            // request.GetDisplayUrl(): the URL with the query the body read a key from.
            Add(hits, new SecretHit(method, method.Name + "()", invocation, isPartial: false));
            return;
        }

        // req.Headers.GetValues("X-Pleo-Key") and a gRPC call's RequestHeaders.GetValue("x-pleo-api-key") return the entry;
        // TryGetValue(s) gives it to its out variable instead (VisitEntryRead).
        if ((ConfigurationKeys.IsSecretRead(invocation, _model) ?? (method.Name is "GetValues" or "GetValue" or "Get" ? ConfigurationKeys.IsSecretEntryRead(invocation, _model) : null)) is { } key)
        {
            Add(hits, new SecretHit(null, key, invocation, isPartial: false));
            return;
        }

        if (SecretCalls.Returns(invocation, _model) is { } returned)
        {
            // The method as the source: a hit without one is a configuration setting, which a WebAssembly app reports where it is read.
            Add(hits, new SecretHit(method, returned, invocation, isPartial: false));
            return;
        }

        var containing = method.ContainingType;
        if (containing is null)
        {
            return;
        }

        if (containing.SpecialType == SpecialType.System_String)
        {
            if (method.IsStatic)
            {
                // string.Format, Concat, Join, Create, Copy: the result holds the arguments.
                var firstOfResult = hits.Count;
                VisitArguments(invocation.Arguments, hits, chain);
                MarkInText(hits, firstOfResult, invocation.Arguments.Length > 1);
            }
            else
            {
                VisitStringMethod(invocation, hits, chain);
            }

            return;
        }

        if (IsStringBuilder(containing))
        {
            if (method.Name == "ToString" && invocation.Arguments.Length == 2)
            {
                VisitSlice(invocation.Instance, invocation, Slice.Partial, hits, chain);
                return;
            }

            var firstOfBuilt = hits.Count;
            Visit(invocation.Instance, hits, chain + 1);
            VisitArguments(invocation.Arguments, hits, chain);
            MarkInText(hits, firstOfBuilt, true);
            return;
        }

        if (method.Name == "ToString" && !method.IsStatic)
        {
            // object's ToString (or an override): what it prints depends on the type. ToString("G") or a `new` one is
            // the type's own text, which may be the secret.
            if (method.Parameters.Length == 0 && (method.IsOverride || method.ContainingType.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType))
            {
                VisitAsText(invocation.Instance, hits, chain);
            }
            else
            {
                Visit(invocation.Instance, hits, chain + 1);
            }

            return;
        }

        if (TextTransforms.IsSlicing(method))
        {
            VisitSlice(invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null, invocation, TextTransforms.SliceOf(invocation), hits, chain);
            return;
        }

        if (SerializedText.SecretMember(invocation, _model) is { } serialized)
        {
            // JsonSerializer.Serialize(options): the JSON holds options.ApiKey although no secret is passed.
            Add(hits, SecretHit.InSerializedText(serialized, invocation));
        }

        if (TextTransforms.IsProjection(method))
        {
            // connections.Select(c => c.ApiKey): the projection holds what its lambdas return, whatever the source holds;
            // a query's (db.Connections.Select(…)) is an expression tree of the same lambda. settings.ToDictionary(p => p.Key)
            // keeps each element whole beside the key its one lambda returns.
            var lambdas = 0;
            foreach (var argument in invocation.Arguments)
            {
                if (DefinitionCollector.Lambda(argument.Value) is { } projection)
                {
                    lambdas++;
                    foreach (var value in projection.ReturnedValues())
                    {
                        Visit(value, hits, chain + 1);
                    }
                }
            }

            if (lambdas == 1 && TextTransforms.GroupsElements(method))
            {
                Visit(invocation.Arguments[0].Value, hits, chain + 1);
            }

            return;
        }

        if (TextTransforms.IsTransparent(method))
        {
            Visit(invocation.Instance, hits, chain + 1);
            if (SerializedText.IsJsonSerialization(method))
            {
                // JsonSerializer.Serialize(new Connection(companyId, apiKey)): the JSON of what is given.
                var firstOfJson = hits.Count;
                foreach (var argument in invocation.Arguments)
                {
                    VisitAs(SerializedText.WriterOf(method), argument.Value, hits, chain + 1);
                }

                MarkInText(hits, firstOfJson, true);
            }
            else
            {
                VisitArguments(invocation.Arguments, hits, chain);
            }

            return;
        }

        if (IsLocalizerFormat(method))
        {
            // GetString(name, params object[] arguments): what the text is formatted with, not its name.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: not "name" and not "localizer" })
                {
                    Visit(argument.Value, hits, chain + 1);
                }
            }

            return;
        }

        // Only a method whose body this compilation has can be followed: visiting the arguments of any other call
        // (a library's, most of them) would find hits with nowhere to go.
        if (FollowsCalls(method))
        {
            VisitReturnOfSourceMethod(invocation, hits, chain);
        }
    }

    /// <summary>A sanitizer by its name whose body is at hand: one listed in the options is taken as given.</summary>
    private bool IsCheckedSanitizer(IMethodSymbol method) => FollowsCalls(method) && !_model.IsListedSanitizer(method);

    private bool FollowsCalls(IMethodSymbol method) =>
        _calls is not null && _callDepth > 0 && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && CallSummaries.IsFollowed(method);

    /// <param name="sanitizer">
    /// The method is named as a sanitizer: only a part fixed in its code counts (<c>key[..8]</c>), or the whole key
    /// returned on every path (<c>KeyMask.Normalize(key) =&gt; key.Trim()</c>). A whole key returned on some paths is the
    /// guard of an empty or short key, and a part that depends on the text or a value passed in (<c>key[i]</c> in a
    /// masking loop, <c>key[^visible..]</c>) is how a masker keeps the last four.
    /// </param>
    private void VisitReturnOfSourceMethod(IInvocationOperation invocation, List<SecretHit> hits, int chain, bool sanitizer = false)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null)
            {
                continue;
            }

            var found = new List<SecretHit>();
            Visit(argument.Value, found, chain + 1);
            if (found.Count == 0)
            {
                continue;
            }

            var returned = _calls!.Returned(invocation.TargetMethod, argument.Parameter.Ordinal, _callDepth - 1);
            var whole = (returned & (sanitizer ? ReturnedPart.WholeOnEveryPath : ReturnedPart.Whole)) != 0;
            if (whole || (returned & (sanitizer ? ReturnedPart.FixedPart : ReturnedPart.Partial)) != 0)
            {
                foreach (var hit in found)
                {
                    Add(hits, whole ? hit : hit.AsReturnedPart(invocation, (returned & ReturnedPart.FixedPart) != 0));
                }
            }
        }
    }

    private void VisitStringMethod(IInvocationOperation invocation, List<SecretHit> hits, int chain)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "Substring":
                VisitSlice(invocation.Instance, invocation, TextTransforms.SliceOfSubstring(invocation), hits, chain);
                break;
            case "Remove":
                VisitSlice(invocation.Instance, invocation, Slice.Partial, hits, chain);
                break;
            default:
                // Trim, ToUpper, Replace, PadLeft, ToCharArray, Split, Normalize…: the whole secret, reshaped.
                Visit(invocation.Instance, hits, chain + 1);
                break;
        }
    }

    /// <summary>Marks the hits from <paramref name="first"/> on as parts of a longer text made around them, when <paramref name="composed"/>.</summary>
    private static void MarkInText(List<SecretHit> hits, int first, bool composed)
    {
        if (composed)
        {
            for (var index = first; index < hits.Count; index++)
            {
                hits[index] = hits[index].AsInText();
            }
        }
    }

    private static IPropertySymbol? FirstProperty(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }

    private void VisitArguments(ImmutableArray<IArgumentOperation> arguments, List<SecretHit> hits, int chain)
    {
        foreach (var argument in arguments)
        {
            Visit(argument.Value, hits, chain + 1);
        }
    }

    private void VisitSlice(IOperation? source, IOperation slice, Slice kind, List<SecretHit> hits, int chain)
    {
        if (kind == Slice.LastFour || source is null)
        {
            return;
        }

        var found = new List<SecretHit>();
        Visit(source, found, chain + 1);
        foreach (var hit in found)
        {
            Add(hits, kind == Slice.Partial ? hit.AsPartial(slice) : hit.WithAt(slice));
        }
    }

    private static Slice SliceOf(IOperation argument, IOperation instance)
    {
        argument = Unwrap(argument);
        if (argument is IRangeOperation range)
        {
            return TextTransforms.IsLastFourRange(range) ? Slice.LastFour : Slice.Partial;
        }

        return IsWithinLastFour(argument) ? Slice.LastFour : Slice.Partial;
    }

    /// <summary>
    /// <c>token</c>, <c>tokens</c>, <c>currentToken</c>: a name that is only "token", as a parser names its words. A
    /// <c>password</c>, an <c>accessToken</c> or a <c>refreshToken</c> split from a text is still a credential.
    /// </summary>
    private static bool IsWordName(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0 || words[words.Count - 1] is not ("token" or "tokens"))
        {
            return false;
        }

        for (var index = 0; index < words.Count - 1; index++)
        {
            if (words[index] is not ("current" or "first" or "raw" or "each" or "single" or "sub" or "trimmed"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The split a value is a word of: <c>text.Split(…)</c> as a foreach collection, <c>text.Split(…)[i]</c>, or an
    /// element of a local array whose one definition is such a split (<c>Regex.Split</c> too); otherwise null.
    /// </summary>
    private IInvocationOperation? SplitOf(IOperation value)
    {
        value = Unwrap(value);
        if (value is IArrayElementReferenceOperation element)
        {
            value = Unwrap(element.ArrayReference);
        }

        // parts[0], or foreach (var token in parts), of a local array given one split only.
        if (value is ILocalReferenceOperation array)
        {
            return TryGetDefinitions(array.Local, out var definitions) && definitions.Count == 1 && definitions[0].Kills
                ? SplitCall(definitions[0].Value)
                : null;
        }

        return SplitCall(value);
    }

    private static IInvocationOperation? SplitCall(IOperation value)
    {
        value = Unwrap(value);

        // payload.Split(' ').Where(w => w.Length > 0).Take(3): what such a chain yields are still words of the split.
        for (var depth = 0; depth < MostElementKeepers && value is IInvocationOperation { Arguments.Length: > 0 } kept && TextTransforms.YieldsSourceElements(kept.TargetMethod); depth++)
        {
            value = Unwrap(kept.Arguments[0].Value);
        }

        return value is IInvocationOperation { TargetMethod.Name: "Split" } split
            && (split.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                || FlowTypes.IsNamed(split.TargetMethod.ContainingType, "Regex", "System.Text.RegularExpressions"))
            ? split
            : null;
    }

    private const int MostElementKeepers = 8;

    /// <summary>
    /// Whether a split may cut a credential out of its text: the text (or a local it reads, at any definition) comes
    /// from an Authorization header (<c>Headers.Authorization</c>, <c>HeaderNames.Authorization</c>, <c>"Authorization"</c>)
    /// or from something named for authorization, a header or a bearer, or the separator is an auth scheme
    /// (<c>"Bearer "</c>, <c>"Basic "</c>). So may a local whose value the flow does not know (an <c>out</c> argument).
    /// </summary>
    private bool MayHoldCredential(IOperation split, int depth = 0)
    {
        foreach (var operation in split.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: var name } when IsAuthorizationName(name):
                case IFieldReferenceOperation { Field.Name: var field } when IsAuthorizationName(field):
                case IParameterReferenceOperation { Parameter.Name: var parameter } when IsAuthorizationName(parameter):
                case ILocalReferenceOperation { Local.Name: var localName } when IsAuthorizationName(localName):
                    return true;
                case ILocalReferenceOperation local:
                    if (depth >= 4 || !TryGetDefinitions(local.Local, out var definitions))
                    {
                        return true;
                    }

                    foreach (var definition in definitions)
                    {
                        if (MayHoldCredential(definition.Value, depth + 1))
                        {
                            return true;
                        }
                    }

                    break;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant }
                && (string.Equals(constant, "Authorization", System.StringComparison.OrdinalIgnoreCase)
                    || constant.TrimStart().StartsWith("Bearer", System.StringComparison.OrdinalIgnoreCase)
                    || constant.TrimStart().StartsWith("Basic", System.StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAuthorizationName(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (word is "authorization" or "auth" or "authentication" or "bearer" or "header" or "headers" or "credential" or "credentials")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value that says nothing of the old secret: a sanitizer's result or a constant.</summary>
    private bool IsSanitized(IOperation value, int chain)
    {
        value = Unwrap(value);
        return value.ConstantValue.HasValue
            || value is IDefaultValueOperation
            || (value is IInvocationOperation invocation && _model.IsSanitizer(invocation.TargetMethod) && !Reveals(invocation, chain));
    }

    /// <summary>Whether a sanitizer of the project gives away a part of what it was given (<see cref="VisitInvocation"/>).</summary>
    private bool Reveals(IInvocationOperation sanitizer, int chain)
    {
        if (!IsCheckedSanitizer(sanitizer.TargetMethod))
        {
            return false;
        }

        var hits = new List<SecretHit>();
        VisitReturnOfSourceMethod(sanitizer, hits, chain + 1, sanitizer: true);
        return hits.Count > 0;
    }

    private static bool IsWithinLastFour(IOperation index) => TextTransforms.FromEnd(index) is >= 1 and <= 4;

    private static bool IsStringBuilder(ITypeSymbol? type) => FlowTypes.IsNamed(type, "StringBuilder", "System.Text");

    private static bool IsKeyValuePair(ITypeSymbol? type) => FlowTypes.IsNamed(type, "KeyValuePair", "System.Collections.Generic");

    /// <summary>
    /// The values given to <paramref name="variable"/> in the body. The table compares symbols by reference, which is
    /// cheap and right for nearly every use; with nullable annotations on, a reference can hand out another object for
    /// the same variable (a <c>foreach (var pair in …)</c> variable updated with the element's inferred nullability), so
    /// a miss is checked against the variables of that name, and the match remembered.
    /// </summary>
    private bool TryGetDefinitions(ISymbol variable, out List<Definition> definitions)
    {
        var table = Definitions();
        if (table.TryGetValue(variable, out definitions!))
        {
            return true;
        }

        // Only a local or a lambda's parameter can be handed out updated; a method's own parameter is one object.
        if (variable is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } })
        {
            return false;
        }

        List<Definition>? same = null;
        foreach (var entry in table)
        {
            if (entry.Key.Name == variable.Name && SymbolEqualityComparer.Default.Equals(entry.Key, variable))
            {
                same = entry.Value;
                break;
            }
        }

        if (same is null)
        {
            return false;
        }

        table[variable] = definitions = same;
        return true;
    }

    // One flow is used by one thread at a time (a body's scan, or one callee summary), so the lazy table needs no lock.
    private Dictionary<ISymbol, List<Definition>> Definitions()
    {
        if (_definitions is null)
        {
            var definitions = new Dictionary<ISymbol, List<Definition>>(ReferenceComparer<ISymbol>.Instance);
            for (var block = 0; block < _body.Blocks.Length; block++)
            {
                DefinitionCollector.Collect(_body.Blocks[block], _body.Definers[block], definitions);
            }

            foreach (var list in definitions.Values)
            {
                list.Sort((left, right) => left.Position.CompareTo(right.Position));
            }

            _definitions = definitions;
        }

        return _definitions;
    }
}
