using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// <c>configuration["Pleo:ApiKey"]</c>, <c>GetValue&lt;string&gt;("Pleo:ApiKey")</c> and
/// <c>GetSection("Pleo:ApiKey").Value</c> read a secret: the last segment of the key names it, unless the setting is
/// declared public (<c>pleouxguard.public_settings</c>). The configuration is any of Microsoft.Extensions.Configuration's,
/// or a Blazor WebAssembly host's.
/// </summary>
internal static class ConfigurationKeys
{
    private const string Namespace = "Microsoft.Extensions.Configuration";

    private const string ModelBindingNamespace = "Microsoft.AspNetCore.Mvc.ModelBinding";

    private const int MostSections = 4;

    /// <summary>The configuration key (or environment variable) when the indexer reads a secret setting; otherwise null.</summary>
    public static string? IsSecretLookup(IPropertyReferenceOperation indexer, SecretModel model)
    {
        if (indexer.Arguments.Length != 1)
        {
            return null;
        }

        if (IsConfiguration(indexer.Property.ContainingType))
        {
            return SecretKey(indexer.Instance, indexer.Arguments[0].Value, model);
        }

        if (IsRequestValues(indexer.Property.ContainingType) || IsFunctionsRequestValues(indexer.Instance))
        {
            return SecretFieldName(indexer.Arguments[0].Value, model);
        }

        // Environment.GetEnvironmentVariables()["PLEO_API_KEY"]: the variable, read from the dictionary of them all.
        return IsEnvironmentListing(indexer.Instance)
            ? SecretKey(null, indexer.Arguments[0].Value.WithoutConversions(), model, environment: true)
            : null;
    }

    /// <summary><c>Environment.GetEnvironmentVariables()</c>: every environment variable with its value, the secret ones among them.</summary>
    public static bool IsEnvironmentListing(IOperation? operation) =>
        operation?.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariables" } all
        && FlowTypes.IsNamed(all.TargetMethod.ContainingType, "Environment", "System");

    /// <summary>
    /// Whether <paramref name="value"/> is a listing of settings read back entry by entry: the environment's
    /// (<c>Environment.GetEnvironmentVariables()</c>), or the configuration's (<c>configuration.AsEnumerable()</c>, also
    /// kept by a LINQ copy: <c>ToDictionary(p =&gt; p.Key, p =&gt; p.Value)</c>, <c>ToList()</c>), whose entries are named by
    /// their full paths.
    /// </summary>
    public static bool IsSettingsListing(IOperation? value, out bool environment)
    {
        environment = IsEnvironmentListing(value);
        if (environment)
        {
            return true;
        }

        var current = value?.WithoutConversions();
        for (var depth = 0; depth < MostSections && current is IInvocationOperation { Arguments.Length: > 0 } copy
            && (TextTransforms.YieldsSourceElements(copy.TargetMethod) || (copy.TargetMethod.Name == "ToDictionary" && DefinitionCollector.IsLinq(copy.TargetMethod))); depth++)
        {
            current = copy.Arguments[0].Value.WithoutConversions();
        }

        return current is IInvocationOperation { TargetMethod: var listing } && IsConfigurationAsEnumerable(listing);
    }

    /// <summary><c>configuration.AsEnumerable()</c>: every setting under the configuration, as path and value pairs.</summary>
    private static bool IsConfigurationAsEnumerable(IMethodSymbol method) =>
        method.Name == "AsEnumerable" && FlowTypes.IsNamed((method.ReducedFrom ?? method).ContainingType, "ConfigurationExtensions", Namespace);

    /// <summary>
    /// The entry's name when the entry <paramref name="name"/> of a settings listing (<see cref="IsSettingsListing"/>) is a
    /// secret one (<c>PLEO_API_KEY</c>, <c>Pleo:ApiKey</c>), judged as a read of it by name is; otherwise null.
    /// </summary>
    public static string? SecretListedEntry(string name, bool environment, SecretModel model) => SecretKey(null, name, model, environment);

    /// <summary>
    /// The field name when <c>Request.Headers.TryGetValue("X-Pleo-Key", out …)</c> or <c>ModelState.TryGetValue("Input.ApiKey",
    /// out …)</c> reads what was sent under a secret's name, as the indexer would (<see cref="IsSecretLookup"/>); otherwise null.
    /// </summary>
    public static string? IsSecretEntryRead(IInvocationOperation invocation, SecretModel model) =>
        invocation.TargetMethod.Name switch
        {
            "TryGetValue" => invocation.Arguments.Length == 2 && invocation.Instance?.WithoutConversions().Type is INamedTypeSymbol type && IsRequestValues(type)
                ? SecretFieldName(invocation.Arguments[0].Value, model)
                : null,
            // An Azure Functions worker's request headers: req.Headers.TryGetValues("X-Pleo-Key", out …), GetValues("X-Pleo-Key").
            "TryGetValues" or "GetValues" => invocation.Arguments.Length >= 1 && IsFunctionsRequestValues(invocation.Instance)
                ? SecretFieldName(invocation.Arguments[0].Value, model)
                : null,
            // A gRPC call's metadata: context.RequestHeaders.GetValue("x-pleo-api-key"), Get(…)?.Value.
            "GetValue" or "Get" => invocation.Arguments.Length == 1 && ReceivedRequests.IsGrpcRequestHeaders(invocation.Instance)
                ? SecretFieldName(invocation.Arguments[0].Value, model)
                : null,
            _ => null,
        };

    /// <summary>
    /// An Azure Functions isolated worker's <c>HttpRequestData.Query</c> or <c>Headers</c>: what the client sent, by name, as
    /// ASP.NET Core's <c>Request.Query</c> and <c>Request.Headers</c> (<see cref="IsRequestValues"/>). Their types (a
    /// <c>NameValueCollection</c>, <c>HttpHeaders</c>) hold anything elsewhere, so the request is told by the property read.
    /// </summary>
    private static bool IsFunctionsRequestValues(IOperation? values) =>
        values?.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Query" or "Headers" } property
        && FlowTypes.IsDerivedFrom(property.Property.ContainingType, "HttpRequestData", "Microsoft.Azure.Functions.Worker.Http");

    /// <summary>
    /// The configuration key when the call reads a secret setting (<c>GetValue&lt;T&gt;</c>), or the section that
    /// holds one (<c>GetSection</c>, <c>GetRequiredSection</c>, whose <c>Value</c> is the setting); otherwise null.
    /// </summary>
    public static string? IsSecretRead(IInvocationOperation invocation, SecretModel model)
    {
        // Asked of every call a secret's flow meets: the names rule out nearly all of them.
        var method = invocation.TargetMethod;
        if (method.Name is not ("GetValue" or "GetSection" or "GetRequiredSection"))
        {
            return null;
        }

        var type = (method.ReducedFrom ?? method).ContainingType;
        if (!IsConfiguration(type) && !FlowTypes.IsNamed(type, "ConfigurationBinder", Namespace) && !FlowTypes.IsNamed(type, "ConfigurationExtensions", Namespace))
        {
            return null;
        }

        return invocation.ArgumentFor("key") is { } key ? SecretKey(Receiver(invocation), key, model) : null;
    }

    /// <summary>
    /// Whether <paramref name="value"/> reads a setting declared public, whatever its name
    /// (<c>configuration["GoogleMaps:ApiKey"]</c>, <c>GetValue&lt;string&gt;(…)</c>, <c>GetSection(…).Value</c>, also with
    /// <c>?? ""</c>): a local named like a secret that only ever holds one holds no secret.
    /// </summary>
    public static bool IsPublicRead(IOperation value, SecretModel model)
    {
        if (model.PublicSettings.IsEmpty)
        {
            return false;
        }

        switch (value.WithoutConversions())
        {
            case ICoalesceOperation coalesce:
                return IsPublicRead(coalesce.Value, model)
                    && (coalesce.WhenNull.WithoutConversions().ConstantValue is { HasValue: true, Value: null or "" } || IsPublicRead(coalesce.WhenNull, model));
            case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when IsConfiguration(indexer.Property.ContainingType):
                return IsPublicKey(SectionPath(indexer.Instance), indexer.Arguments[0].Value, model);
            case IPropertyReferenceOperation section when IsSectionValue(section):
                return section.Instance?.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } getSection
                    && IsPublicRead(getSection, model);
            case IInvocationOperation { TargetMethod.Name: "GetValue" or "GetSection" or "GetRequiredSection" } read:
                return read.ArgumentFor("key") is { } key && IsPublicKey(SectionPath(Receiver(read)), key, model);
            case IInvocationOperation environment when IsEnvironmentRead(environment):
                return environment.ArgumentFor("variable") is { } variable && IsPublicKey(string.Empty, variable, model);
            default:
                return false;
        }
    }

    /// <summary>
    /// The variable's name when <c>Environment.GetEnvironmentVariable</c> reads one that would be a secret as a
    /// configuration key (<c>PLEO_API_KEY</c>, <c>Pleo__ApiKey</c>), judged as one at the root of the configuration, which
    /// is where the environment's variables go; otherwise null.
    /// </summary>
    public static string? IsSecretEnvironmentVariable(IInvocationOperation invocation, SecretModel model) =>
        IsEnvironmentRead(invocation) && invocation.ArgumentFor("variable") is { } variable
            ? SecretKey(null, variable, model, environment: true)
            : null;

    private static bool IsEnvironmentRead(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "GetEnvironmentVariable" && FlowTypes.IsNamed(invocation.TargetMethod.ContainingType, "Environment", "System");

    private static bool IsPublicKey(string? section, IOperation keyArgument, SecretModel model) =>
        keyArgument.ConstantValue is { HasValue: true, Value: string key } && IsPublicKey(section, key, model);

    private static bool IsPublicKey(string? section, string key, SecretModel model) =>
        section is not null && model.PublicSettings.Covers(Join(section, key));

    /// <summary>
    /// The path of the section <paramref name="configuration"/> stands for: "" for the root configuration,
    /// <c>GoogleMaps</c> for <c>configuration.GetSection("GoogleMaps")</c> (also through a local it initialises);
    /// null for a section that cannot be seen here (a method's parameter or a field of any configuration type that is not
    /// clearly the root, a key that is not a constant).
    /// </summary>
    public static string? SectionPath(IOperation? configuration, int depth = 0)
    {
        // A root by its type before any conversion is taken off: (IConfigurationRoot)app.Configuration, a local typed as one.
        if (configuration?.Type is INamedTypeSymbol converted && IsRootType(converted))
        {
            return string.Empty;
        }

        configuration = configuration?.WithoutConversions();
        switch (configuration)
        {
            case null:
                return null;
            case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } section when depth < MostSections:
                return ConstantKey(section) is { } key && SectionPath(Receiver(section), depth + 1) is { } parent
                    ? Join(parent, key)
                    : null;
            case ILocalReferenceOperation local when depth < MostSections:
                return SectionPath(OnlyValue(local), depth + 1);
            default:
                return IsRoot(configuration) ? string.Empty : null;
        }
    }

    /// <summary>
    /// Whether <paramref name="configuration"/> is clearly the root configuration: a root by its type
    /// (<c>IConfigurationRoot</c>, <c>ConfigurationManager</c>, a WebAssembly app's <c>builder.Configuration</c>), or an
    /// <c>IConfiguration</c> the container hands over (a constructor's parameter, a <c>[FromServices]</c> or minimal API
    /// handler's parameter, an <c>@inject</c>ed property,
    /// <c>GetRequiredService&lt;IConfiguration&gt;()</c>, a host builder context's <c>Configuration</c>). An
    /// <c>IConfiguration</c> parameter of any other method, or a field, may be a section
    /// (<c>Add(configuration.GetSection("Pleo"))</c>), so its path is unknown.
    /// </summary>
    private static bool IsRoot(IOperation configuration)
    {
        if (configuration.Type is not INamedTypeSymbol type || !IsConfiguration(type))
        {
            return false;
        }

        if (IsRootType(type))
        {
            return true;
        }

        return type.Name == "IConfiguration" && configuration switch
        {
            // WebApplication's app.Configuration, the builder's configuration manager.
            IPropertyReferenceOperation { Property: { Name: "Configuration" } app } when FlowTypes.IsNamed(app.ContainingType, "WebApplication", "Microsoft.AspNetCore.Builder") => true,
            IParameterReferenceOperation { Parameter: var parameter } => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor }
                || IsFromServices(parameter) || IsEndpointHandlerParameter(configuration, parameter),
            IPropertyReferenceOperation { Property: var property } => IsInjected(property)
                || (property.Name == "Configuration"
                    && (FlowTypes.IsNamed(property.ContainingType, "HostBuilderContext", "Microsoft.Extensions.Hosting")
                        || FlowTypes.IsNamed(property.ContainingType, "WebHostBuilderContext", "Microsoft.AspNetCore.Hosting"))),
            IInvocationOperation { TargetMethod: { Name: "GetService" or "GetRequiredService", IsGenericMethod: true } } => true,
            _ => false,
        };
    }

    /// <summary>A configuration type that is always the root: <c>IConfigurationRoot</c>, <c>ConfigurationManager</c>, a WebAssembly host's.</summary>
    private static bool IsRootType(INamedTypeSymbol type) =>
        type.Name is "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "WebAssemblyHostConfiguration" && IsConfiguration(type);

    /// <summary>A parameter the container fills: <c>[FromServices]</c> or <c>[FromKeyedServices]</c>.</summary>
    private static bool IsFromServices(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "FromServicesAttribute" or "FromKeyedServicesAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A parameter of a minimal API handler (<c>app.MapGet("/maps", (IConfiguration configuration) =&gt; …)</c>): the
    /// framework takes an <c>IConfiguration</c> there from the container, since no request value binds to it.
    /// </summary>
    private static bool IsEndpointHandlerParameter(IOperation reference, IParameterSymbol parameter)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.ContainingSymbol))
            {
                return Sinks.ClientSinks.IsMapHandler(lambda);
            }
        }

        return false;
    }

    /// <summary>A property the container fills: <c>@inject IConfiguration Configuration</c> in a component or a view.</summary>
    private static bool IsInjected(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "InjectAttribute" or "RazorInjectAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A section path and a key under it, as configuration joins them.</summary>
    public static string Join(string section, string key) => section.Length == 0 ? key : section + ":" + key;

    /// <summary>The configuration a call reads from: its receiver, or an extension method's first argument.</summary>
    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private static string? ConstantKey(IInvocationOperation section) =>
        section.ArgumentFor("key")?.ConstantValue is { HasValue: true, Value: string key } ? key : null;

    /// <summary>
    /// The value a local is declared with, when nothing else is ever written to it in its body (no assignment, no
    /// <c>out</c> or <c>ref</c>, no ref alias, no deconstruction: <see cref="LocalWrites"/>).
    /// </summary>
    private static IOperation? OnlyValue(ILocalReferenceOperation reference) =>
        LocalWrites.OnlyPlain(reference.Local, reference, out var initializer, out var assignments) && assignments == 0 ? initializer : null;

    /// <summary>A section's <c>Value</c>: the setting the section holds (its <c>Key</c> and <c>Path</c> are only names).</summary>
    public static bool IsSectionValue(IPropertyReferenceOperation property) =>
        property.Property.Name == "Value" && IsConfiguration(property.Property.ContainingType);

    /// <summary>
    /// A model-state entry's <c>AttemptedValue</c> and <c>RawValue</c>: what the browser sent for the field the entry is
    /// named for (<c>ModelState["Input.ApiKey"]</c>); its errors and validation state are not.
    /// </summary>
    public static bool IsModelStateValue(IPropertyReferenceOperation property) =>
        property.Property.Name is "AttemptedValue" or "RawValue"
        && property.Property.ContainingType is { Name: "ModelStateEntry" } entry
        && FlowTypes.IsNamespace(entry.ContainingNamespace, ModelBindingNamespace);

    /// <summary>
    /// <c>Request.Form</c>, <c>Request.Query</c>, <c>Request.Headers</c> and <c>ModelState</c>: what the client sent, by
    /// field or header name (<c>Headers["X-Pleo-Key"]</c>; the Authorization header is a credential whatever reads it).
    /// </summary>
    private static bool IsRequestValues(INamedTypeSymbol type) =>
        type.Name is "IFormCollection" or "IQueryCollection" or "FormCollection" or "QueryCollection" or "IHeaderDictionary" or "HeaderDictionary"
            ? FlowTypes.IsNamespace(type.ContainingNamespace, "Microsoft.AspNetCore.Http")
            : type.Name == "ModelStateDictionary" && FlowTypes.IsNamespace(type.ContainingNamespace, ModelBindingNamespace);

    /// <summary>
    /// The field name when <c>Request.Form["Input.ApiKey"]</c> or <c>Request.Query["api_key"]</c> reads what was sent under
    /// a secret's name (a model-bound field's name carries its prefix: the part after the last dot names it), or
    /// <c>Request.Headers["Authorization"]</c> the credential the Authorization header holds by its place.
    /// </summary>
    private static string? SecretFieldName(IOperation nameArgument, SecretModel model) =>
        nameArgument.ConstantValue is { HasValue: true, Value: string name }
            && (model.Names.IsSecretName(name.Substring(name.LastIndexOf('.') + 1)) || AuthorizationHeaders.IsHeaderName(name))
            ? name
            : null;

    /// <param name="environment">The key names an environment variable, which configuration reads at its root.</param>
    private static string? SecretKey(IOperation? configuration, IOperation keyArgument, SecretModel model, bool environment = false) =>
        keyArgument.ConstantValue is { HasValue: true, Value: string key } ? SecretKey(configuration, key, model, environment) : null;

    private static string? SecretKey(IOperation? configuration, string key, SecretModel model, bool environment)
    {
        var start = LeafStart(key);
        var last = key.Substring(start);
        if (!model.Names.IsSecretName(last) && !model.Names.NamesSecretWithin(Section(key, start, configuration, environment), last))
        {
            return null;
        }

        // Asked only of a secret-named key, and only when the project declares public settings.
        return !model.PublicSettings.IsEmpty && IsPublicKey(environment ? string.Empty : SectionPath(configuration), key, model) ? null : key;
    }

    /// <summary>
    /// Whether the call lists settings with their values (<c>configuration.AsEnumerable()</c>, <c>GetChildren()</c>, whose
    /// sections' <c>Value</c> is the setting) from a part of the configuration that can hold a secret: the root, a section
    /// this body cannot name (a helper's <c>IConfiguration</c> parameter), or a section named for a secret or for what holds
    /// one (<c>GetSection("Pleo")</c>, whose <c>Key</c> is Pleo's key, and any section named for Pleo: <c>PleoApi</c>).
    /// <c>GetSection("Logging").AsEnumerable()</c> lists none.
    /// </summary>
    public static bool ListsSecretSettings(IInvocationOperation invocation, SecretModel model)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "AsEnumerable" ? !IsConfigurationAsEnumerable(method) : !IsConfiguration((method.ReducedFrom ?? method).ContainingType))
        {
            return false;
        }

        // The section seen here by its name, even when what it is a section of is not (a helper's parameter's).
        var receiver = Receiver(invocation);
        var key = SectionKey(receiver);
        if (key.Length == 0)
        {
            return true;
        }

        var section = key.Substring(LeafStart(key));
        return !(SectionPath(receiver) is { } path && model.PublicSettings.Covers(path))
            && (model.Names.IsSecretName(section) || model.Names.NamesSecretWithin(section, "Key") || PublicSettings.NamesPleo(section));
    }

    /// <summary>
    /// The last section a key's leaf stands in (<c>Pleo</c> for <c>Pleo:Key</c>, <c>PLEO__KEY</c>, and <c>Key</c> read
    /// from <c>GetSection("Pleo")</c>); "" when none can be seen.
    /// </summary>
    private static string Section(string key, int leafStart, IOperation? configuration, bool environment)
    {
        var path = leafStart > 0
            ? key.Substring(0, leafStart - (key[leafStart - 1] == ':' ? 1 : 2))
            : environment ? string.Empty : SectionKey(configuration);
        return path.Substring(LeafStart(path));
    }

    /// <summary>The key <paramref name="configuration"/> is the section of (<c>GetSection("Pleo")</c>, also through a local it initialises); otherwise "".</summary>
    private static string SectionKey(IOperation? configuration, int depth = 0) =>
        configuration?.WithoutConversions() switch
        {
            IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } section => ConstantKey(section) ?? string.Empty,
            ILocalReferenceOperation local when depth < MostSections => SectionKey(OnlyValue(local), depth + 1),
            _ => string.Empty,
        };

    /// <summary>Where a key's last segment starts, after its last <c>:</c> or, as environment variables write it, <c>__</c>.</summary>
    private static int LeafStart(string key)
    {
        var colon = key.LastIndexOf(':');
        var underscores = key.LastIndexOf("__", System.StringComparison.Ordinal);
        return System.Math.Max(colon + 1, underscores < 0 ? 0 : underscores + 2);
    }

    private static bool IsConfiguration(INamedTypeSymbol type) =>
        type.ContainingNamespace is { } ns
        && ((type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "ConfigurationSection"
                && FlowTypes.IsNamespace(ns, Namespace))
            // WebAssemblyHostBuilder.Configuration: a Blazor WebAssembly app's builder.Configuration["Pleo:ApiKey"] is
            // this class's own indexer, not IConfiguration's.
            || (type.Name == "WebAssemblyHostConfiguration" && FlowTypes.IsNamespace(ns, "Microsoft.AspNetCore.Components.WebAssembly.Hosting")));
}
