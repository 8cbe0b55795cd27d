using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// Whether serializing a value to JSON would write a secret: a public readable property or field of its
/// type (or of the element type of a collection, query, task or ActionResult, a dictionary's value type, an object an
/// anonymous one wraps, or one nested object deep) that is a secret and has no <c>[JsonIgnore]</c>.
/// </summary>
internal enum JsonWriter
{
    /// <summary>What ASP.NET Core writes for an endpoint or a view: System.Text.Json, and Json.NET too in an app that calls <c>AddNewtonsoftJson</c>.</summary>
    Endpoint,

    /// <summary>System.Text.Json's <c>JsonSerializer</c>.</summary>
    SystemTextJson,

    /// <summary>Json.NET's <c>JsonConvert</c>.</summary>
    JsonNet,
}

internal static class SerializedSecrets
{
    private const int NestedDepth = 2;

    // Generic types whose JSON is that of their one type argument: tasks, action results, collections, queries. Not the
    // typed results (Ok<T>, JsonHttpResult<T>): the TypedResults call that makes one is the sink reported.
    private static readonly System.Collections.Generic.HashSet<string> PayloadWrappers = new(System.StringComparer.Ordinal)
    {
        "Task", "ValueTask", "ActionResult", "IEnumerable", "List", "IReadOnlyList", "IList", "ICollection", "IReadOnlyCollection", "HashSet", "ISet", "IReadOnlySet",
        "SortedSet", "Collection", "ReadOnlyCollection", "ImmutableArray", "ImmutableList", "IImmutableList", "Queue", "Stack",
        "IQueryable", "IOrderedQueryable", "IOrderedEnumerable", "IAsyncEnumerable",
    };

    private static readonly System.Collections.Generic.HashSet<string> Dictionaries = new(System.StringComparer.Ordinal)
    {
        "Dictionary", "IDictionary", "IReadOnlyDictionary", "ConcurrentDictionary", "SortedDictionary", "ImmutableDictionary", "IImmutableDictionary",
    };

    /// <summary>The first secret member JSON would write for a value of <paramref name="type"/>, or null.</summary>
    /// <remarks>Every endpoint's return asks about its type; the members are walked once per type and settings.</remarks>
    public static ISymbol? Find(ITypeSymbol? type, SecretModel model, JsonWriter writer = JsonWriter.Endpoint)
    {
        if (Payload(type) is not INamedTypeSymbol named || !IsJudged(named, model))
        {
            return null;
        }

        return writer switch
        {
            JsonWriter.SystemTextJson => model.SystemTextJsonSecrets.GetOrCompute(named, model, static (m, type) => Find(type, m, NestedDepth, JsonWriter.SystemTextJson)),
            JsonWriter.JsonNet => model.JsonNetSecrets.GetOrCompute(named, model, static (m, type) => Find(type, m, NestedDepth, JsonWriter.JsonNet)),
            _ => model.SerializedSecrets.GetOrCompute(named, model, static (m, type) => Find(type, m, NestedDepth, JsonWriter.Endpoint)),
        };
    }

    /// <summary>
    /// As <see cref="Find(ITypeSymbol?, SecretModel)"/> for the value <paramref name="value"/>, except that an object made
    /// in place (<c>new ConnectionReply { State = "Not connected" }</c>) exposes only what it is given: the flow judges the
    /// values it is given, and a secret member it is not given holds none, so only the objects among those values are
    /// judged by their types (<c>new Wrapper { Connection = loaded }</c>).
    /// </summary>
    public static ISymbol? FindIn(IOperation value, SecretModel model, JsonWriter writer = JsonWriter.Endpoint, int depth = NestedDepth)
    {
        value = value.WithoutConversions();
        if (value is IWithOperation copy)
        {
            // current with { State = "Connected" } keeps current's key; current with { ApiKey = masked } holds what it is
            // given, which the flow judges.
            return Find(copy.Operand.Type, model, writer) is { } kept && !Sets(copy.Initializer, kept) ? kept : null;
        }

        if (value is IInvocationOperation { Arguments.Length: 1 } finished && TextTransforms.IsTaskFromResult(finished.TargetMethod))
        {
            // Task.FromResult(new Reply { … }): the reply, judged as made in place.
            return FindIn(finished.Arguments[0].Value, model, writer, depth);
        }

        // A library's object made in place (new JsonResult(view)) is a sink of its own, judged where it is made.
        if (value is not IObjectCreationOperation { Type: INamedTypeSymbol created } creation || !IsOurs(created, model))
        {
            return Find(value.Type, model, writer);
        }

        if (depth == 0)
        {
            return null;
        }

        foreach (var argument in creation.Arguments)
        {
            if (FindIn(argument.Value, model, writer, depth - 1) is { } fromArgument)
            {
                return fromArgument;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && !IsJsonIgnored(target.Member, writer, model)
                    && FindIn(assignment.Value, model, writer, depth - 1) is { } fromMember)
                {
                    return fromMember;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the initializer gives <paramref name="member"/> a value.</summary>
    private static bool Sets(IObjectOrCollectionInitializerOperation initializer, ISymbol member)
    {
        foreach (var set in initializer.Initializers)
        {
            if (set is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Member, member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first secret member a logger's destructuring (<c>{@Value}</c>) would write: as for JSON, except that
    /// <c>[JsonIgnore]</c> hides nothing, since Serilog and NLog read the public members themselves. What the project
    /// tells Serilog to leave out is left out (<see cref="LogDestructuring"/>): a member marked <c>[NotLogged]</c> or
    /// masked, a type given a <c>Destructure.ByTransforming</c>.
    /// </summary>
    public static ISymbol? FindDestructured(ITypeSymbol? type, SecretModel model)
    {
        if (Payload(type) is not INamedTypeSymbol named || !IsJudged(named, model))
        {
            return null;
        }

        return model.DestructuredSecrets.GetOrCompute(named, model, static (m, type) => Find(type, m, NestedDepth, writer: null, destructuring: true));
    }

    /// <summary>
    /// The first secret member among all the public members of a value of <paramref name="type"/>: what a protobuf
    /// message's generated <c>ToString</c> prints, what a configuration binding fills. Not cached: asked once per
    /// message type, or of a binding in a WebAssembly app.
    /// </summary>
    public static ISymbol? FindPublic(ITypeSymbol? type, SecretModel model) =>
        Payload(type) is INamedTypeSymbol named && IsJudged(named, model) ? Find(named, model, NestedDepth, writer: null, destructuring: false) : null;

    /// <summary>
    /// The first secret member a binding of the section at <paramref name="section"/> fills whose own setting is not
    /// declared public: its path (the section, then the member names down to it) is not covered by
    /// <c>pleouxguard.public_settings</c>, or it or the type that holds it is named for Pleo. Not cached: asked only of
    /// a binding whose section is known while public settings are declared.
    /// </summary>
    public static ISymbol? FindPublicOutside(ITypeSymbol? type, SecretModel model, string section) =>
        Payload(type) is INamedTypeSymbol named && IsOurs(named, model) ? Find(named, model, NestedDepth, writer: null, destructuring: false, section) : null;

    /// <summary>Whether a value of the type is judged by its members: ours, or a library's credential holder.</summary>
    private static bool IsJudged(INamedTypeSymbol named, SecretModel model) => IsOurs(named, model) || IsLibraryCredentialHolder(named, model);

    /// <summary>
    /// A library's credential holder, whose secret the model knows by its type (<see cref="SecretModel.CredentialOf"/>):
    /// <c>Ok(stored)</c> with a <c>KeyVaultSecret</c> writes its <c>Value</c>, <c>{@Credential}</c> of an
    /// <c>AzureKeyCredential</c> its <c>Key</c>. Its other members are not ours to judge.
    /// </summary>
    private static bool IsLibraryCredentialHolder(INamedTypeSymbol named, SecretModel model) =>
        !named.IsAnonymousType && named.SpecialType == SpecialType.None && named.TypeKind is TypeKind.Class or TypeKind.Struct
        && model.CredentialOf(named) is not null;

    /// <summary>
    /// A class or struct declared in this compilation, or an anonymous object (whose own members the flow follows, but
    /// not the objects of ours it wraps: <c>Ok(new { data = row })</c>); library types are not ours to judge.
    /// </summary>
    private static bool IsOurs(INamedTypeSymbol named, SecretModel model) =>
        named.IsAnonymousType
        || (named.SpecialType == SpecialType.None && named.TypeKind is TypeKind.Class or TypeKind.Struct && model.IsDeclaredHere(named));

    /// <param name="path">The configuration path <paramref name="type"/> is bound from, when only members outside the public settings count.</param>
    /// <param name="writer">The serializer whose <c>[JsonIgnore]</c> hides a member; null for a writer of every public member.</param>
    /// <param name="destructuring">Whether a logger's destructuring writes the value, which leaves out what the project tells it to.</param>
    private static ISymbol? Find(ITypeSymbol? type, SecretModel model, int depth, JsonWriter? writer, bool destructuring = false, string? path = null)
    {
        if (depth == 0 || type is not INamedTypeSymbol named || (destructuring && model.IsTransformedForLogs(named)))
        {
            return null;
        }

        if (!IsOurs(named, model))
        {
            return IsLibraryCredentialHolder(named, model) ? model.CredentialOf(named) : null;
        }

        if (named.IsAnonymousType)
        {
            return FindWrapped(named, model, depth, writer, destructuring, path);
        }

        for (var current = named; current is not null && model.IsDeclaredHere(current); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || (writer is { } json && IsJsonIgnored(member, json, model))
                    || (destructuring && LogDestructuring.LeavesOut(member)))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property when property.Name != "EqualityContract" => property.Type,
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                var memberPath = path is null ? null : ConfigurationKeys.Join(path, member.Name);
                if (model.IsSecret(member))
                {
                    // IntegrationsOptions.PleoApiKey, PleoSettings.ApiKey under a public Integrations: Pleo's key is never public.
                    if (memberPath is null || !model.PublicSettings.Covers(memberPath)
                        || PublicSettings.NamesPleo(current.Name) || PublicSettings.NamesPleo(named.Name))
                    {
                        return member;
                    }

                    continue;
                }

                if (Find(Payload(memberType), model, depth - 1, writer, destructuring, memberPath) is { } nested)
                {
                    return nested;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first secret member of an object an anonymous one wraps (<c>new { data = row, count = 1 }</c>), the wrapper
    /// not counted as a level. Its own members are the flow's: <c>new { apiKey = masked }</c> is judged by its value.
    /// </summary>
    private static ISymbol? FindWrapped(INamedTypeSymbol anonymous, SecretModel model, int depth, JsonWriter? writer, bool destructuring, string? path)
    {
        foreach (var member in anonymous.GetMembers())
        {
            if (member is IPropertySymbol property
                && Find(Payload(property.Type), model, depth, writer, destructuring, path is null ? null : ConfigurationKeys.Join(path, member.Name)) is { } wrapped)
            {
                return wrapped;
            }
        }

        return null;
    }

    /// <summary>
    /// The type JSON describes: T of Task&lt;T&gt;, ActionResult&lt;T&gt;, a collection's or query's element
    /// type, a dictionary's value type, T[].
    /// </summary>
    private static ITypeSymbol? Payload(ITypeSymbol? type)
    {
        for (var guard = 0; guard < 4; guard++)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    type = array.ElementType;
                    continue;
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic when PayloadWrappers.Contains(generic.Name):
                    type = generic.TypeArguments[0];
                    continue;
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } dictionary when Dictionaries.Contains(dictionary.Name):
                    // JSON writes a dictionary as an object of its values.
                    type = dictionary.TypeArguments[1];
                    continue;
            }

            break;
        }

        return type;
    }

    // JsonIgnoreCondition.Always, System.Text.Json's default when no Condition is given.
    private const int AlwaysIgnored = 1;

    /// <summary>Whether System.Text.Json always leaves the member out (its own <c>[JsonIgnore]</c>, always ignoring).</summary>
    internal static bool IsIgnoredBySystemTextJson(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (IsSystemTextJsonIgnore(attribute) && AlwaysIgnores(attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>System.Text.Json's <c>[JsonIgnore]</c>, with whatever condition.</summary>
    internal static bool IsSystemTextJsonIgnore(AttributeData attribute) =>
        attribute.AttributeClass is { Name: "JsonIgnoreAttribute" } ignore && FlowTypes.IsNamespace(ignore.ContainingNamespace, SystemTextJsonNamespace);

    private const string SystemTextJsonNamespace = "System.Text.Json.Serialization";

    /// <summary>
    /// Whether <paramref name="writer"/> leaves the member out: each serializer honours only its own <c>[JsonIgnore]</c>
    /// (System.Text.Json's does not stop Json.NET, nor the reverse); an attribute of another library of that name is
    /// taken to hide the member from all.
    /// </summary>
    internal static bool IsJsonIgnored(ISymbol member, JsonWriter writer, SecretModel model)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "JsonIgnoreAttribute" } ignore)
            {
                continue;
            }

            var hides = FlowTypes.IsNamespace(ignore.ContainingNamespace, SystemTextJsonNamespace)
                ? writer != JsonWriter.JsonNet && AlwaysIgnores(attribute)
                : FlowTypes.IsNamespace(ignore.ContainingNamespace, "Newtonsoft.Json")
                    ? writer == JsonWriter.JsonNet || (writer == JsonWriter.Endpoint && model.EndpointsUseJsonNet)
                    : AlwaysIgnores(attribute);
            if (hides)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// System.Text.Json writes a property ignored only WhenWritingNull or WhenWritingDefault whenever it has a value,
    /// and one marked Never always; Newtonsoft's attribute has no condition.
    /// </summary>
    private static bool AlwaysIgnores(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Condition")
            {
                return argument.Value.Value is int condition && condition == AlwaysIgnored;
            }
        }

        return true;
    }
}
