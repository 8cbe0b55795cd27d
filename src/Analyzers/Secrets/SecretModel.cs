using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// What is a secret in one compilation: by name (text-like symbols only), by attribute (DataClassification
/// subclasses and configured names), by type (configured or attributed). Built once per compilation and
/// setting set; answers are cached per symbol.
/// </summary>
internal sealed class SecretModel
{
    private static readonly ConditionalWeakTable<Compilation, Models> PerCompilation = new();

    internal static readonly ImmutableArray<string> BuiltInAttributes = ImmutableArray.Create("Secret", "Sensitive", "SensitiveData");

    private static readonly ImmutableArray<string> BuiltInAttributeClassNames = AttributeClassNames(BuiltInAttributes);

    // b03f5f7f11d50a3a, 7cec85d7bea7798e, cc7b13ffcd2ddd51, b77a5c561934e089, 31bf3856ad364e35, adb9793829ddae60.
    private static readonly byte[][] MicrosoftKeyTokens =
    {
        new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
        new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
        new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },
        new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
        new byte[] { 0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35 },
        new byte[] { 0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60 },
    };

    private readonly INamedTypeSymbol? _dataClassificationAttribute;
    private readonly INamedTypeSymbol? _redactor;
    private readonly INamedTypeSymbol? _stringBuilder;
    private readonly INamedTypeSymbol? _secureString;
    private readonly INamedTypeSymbol? _span;
    private readonly INamedTypeSymbol? _readOnlySpan;
    private readonly INamedTypeSymbol? _memory;
    private readonly INamedTypeSymbol? _readOnlyMemory;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _valueTask;

    // Blazor WebAssembly's sign-in token: null in every compilation that does not reference its authentication library.
    private readonly INamedTypeSymbol? _accessToken;
    private readonly INamedTypeSymbol? _authenticationToken;
    private readonly ImmutableArray<string> _attributeNames;
    private readonly ImmutableArray<INamedTypeSymbol> _secretTypes;
    private readonly ImmutableArray<string> _sanitizers;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _types = new(ReferenceComparer<ITypeSymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _sanitizerMethods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, Sanitizing> _sanitizingNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _attributeClasses = new(ReferenceComparer<INamedTypeSymbol>.Instance);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _attributedRecords = new(ReferenceComparer<INamedTypeSymbol>.Instance);
    private readonly ConcurrentDictionary<INamedTypeSymbol, CredentialMembers> _credentialTypes = new(ReferenceComparer<INamedTypeSymbol>.Instance);

    private readonly IAssemblySymbol _assembly;

    // False when nothing in the compilation can mark a secret (see CanMark): then names alone decide.
    private readonly bool _canMark;

    // Whether the compilation binds request values by name (ASP.NET Core's [FromHeader], [FromQuery], [FromForm], a
    // component's [SupplyParameterFromQuery]): only then is a parameter or property asked for the name it is bound from.
    // Null until the sources are read for such an attribute with a Name, on the first text-like symbol asked.
    private readonly Compilation? _bindingCompilation;
    private int _bindsByName; // 0 not yet known, 1 no, 2 yes

    private readonly ConcurrentDictionary<ISymbol, bool> _boundFromSecretName = new(SymbolEqualityComparer.Default);

    // Whether a FluentValidation rule is on a secret member (ValidationFailures): null when FluentValidation is not
    // referenced; read from the sources on the first failure's value met.
    private readonly Compilation? _validationCompilation;
    private int _validatesSecret; // 0 not yet known, 1 no, 2 yes

    // The names of the types Serilog's destructuring is given a shape of their own for (LogDestructuring): null when
    // Serilog is not referenced; read from the sources on the first object destructured.
    private readonly System.Lazy<ImmutableHashSet<string>>? _transformedForLogs;

    private SecretModel(Compilation compilation, OptionValues options)
    {
        _assembly = compilation.Assembly;
        Options = options;
        Names = new SecretNameMatcher(options.Get(SecretOptions.SecretWords), options.Get(SecretOptions.VetoWords));
        PublicSettings = new PublicSettings(options.Get(SecretOptions.PublicSettings));
        _dataClassificationAttribute = compilation.FindType("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        _redactor = compilation.FindType("Microsoft.Extensions.Compliance.Redaction.Redactor");
        _stringBuilder = compilation.FindType("System.Text.StringBuilder");
        _secureString = compilation.FindType("System.Security.SecureString");
        _span = compilation.FindType("System.Span`1");
        _readOnlySpan = compilation.FindType("System.ReadOnlySpan`1");
        _memory = compilation.FindType("System.Memory`1");
        _readOnlyMemory = compilation.FindType("System.ReadOnlyMemory`1");
        _task = compilation.FindType("System.Threading.Tasks.Task`1");
        _valueTask = compilation.FindType("System.Threading.Tasks.ValueTask`1");
        _accessToken = compilation.FindType("Microsoft.AspNetCore.Components.WebAssembly.Authentication.AccessToken");
        _authenticationToken = compilation.FindType("Microsoft.AspNetCore.Authentication.AuthenticationToken");
        EndpointsUseJsonNet = compilation.FindType("Microsoft.Extensions.DependencyInjection.NewtonsoftJsonMvcBuilderExtensions") is not null;
        _protobufMessage = compilation.FindType("Google.Protobuf.IMessage");
        _attributeNames = BuiltInAttributes.AddRange(options.Get(SecretOptions.SecretAttributes));
        _sanitizers = options.Get(SecretOptions.SanitizerMethods);
        CallDepth = options.Get(SecretOptions.CallDepth);

        var secretTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in options.Get(SecretOptions.SecretTypes))
        {
            // A name no assembly of this project defines is fine: one .editorconfig often serves many projects.
            if (compilation.FindType(name) is { } type)
            {
                secretTypes.Add(type);
            }
        }

        _secretTypes = secretTypes.ToImmutable();
        _canMark = CanMark(compilation, options.Get(SecretOptions.SecretAttributes), _secretTypes, _dataClassificationAttribute);
        _bindingCompilation = compilation.FindType("Microsoft.AspNetCore.Mvc.FromHeaderAttribute") is not null
            || compilation.FindType("Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute") is not null
            || CommandLineOptions.AreReferenced(compilation)
            ? compilation
            : null;
        _validationCompilation = ValidationFailures.AreReferenced(compilation) ? compilation : null;
        _transformedForLogs = LogDestructuring.AreReferenced(compilation)
            ? new System.Lazy<ImmutableHashSet<string>>(() => LogDestructuring.TransformedTypeNames(compilation, Names))
            : null;
        _anyPrintedMessageSecret = new System.Lazy<ISymbol?>(() => FirstOfProject(_assembly.GlobalNamespace, static (model, t) => model.PrintedMessageSecret(t)));
        _anyDestructuredRequestSecret = new System.Lazy<ISymbol?>(
            () => FirstOfProject(_assembly.GlobalNamespace, static (model, t) => IsMediatorRequest(t) ? Secrets.SerializedSecrets.FindDestructured(t, model) : null));
    }

    /// <summary>
    /// Whether any symbol of the compilation can be a secret by marking rather than by name: a configured secret
    /// type resolves, the Compliance <c>DataClassificationAttribute</c> is referenced, or a type is named like a
    /// secret attribute: a configured one in the project or any assembly it references, a built-in one in the
    /// project or a library that is not Microsoft's.
    /// </summary>
    /// <remarks>
    /// Most projects have none of these; then no symbol's attributes or type need be read, which saves a cache
    /// lookup for every reference to an object and the attribute decoding of every member read. The type names
    /// of a referenced assembly come from its metadata tables, read once per assembly; Microsoft's assemblies
    /// (the framework's hundred-odd among them) declare none of the built-in names, so only a configured name
    /// makes their type names worth reading.
    /// </remarks>
    private static bool CanMark(Compilation compilation, ImmutableArray<string> configuredAttributes, ImmutableArray<INamedTypeSymbol> secretTypes, INamedTypeSymbol? dataClassification)
    {
        if (!secretTypes.IsEmpty || dataClassification is not null)
        {
            return true;
        }

        var builtIn = BuiltInAttributeClassNames;
        var configured = AttributeClassNames(configuredAttributes);
        if (DeclaresAny(compilation.Assembly, builtIn.Concat(configured)))
        {
            return true;
        }

        foreach (var reference in compilation.References)
        {
            switch (compilation.GetAssemblyOrModuleSymbol(reference))
            {
                case IAssemblySymbol assembly when DeclaresAny(assembly, IsMicrosofts(assembly.Identity) ? configured : builtIn.Concat(configured)):
                    return true;
                case IModuleSymbol:
                    return true; // an added module lists no type names: assume it can mark
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the assembly declares a type of one of the <paramref name="names"/>. Its type names are one set
    /// built once, from the project's declarations or a reference's metadata tables; asking the compilation
    /// whether it declares a name walks every declaration of the project again for each name.
    /// </summary>
    private static bool DeclaresAny(IAssemblySymbol assembly, IEnumerable<string> names)
    {
        ICollection<string>? declared = null;
        foreach (var name in names)
        {
            // Read only when there is a name to look for: Microsoft's assemblies are usually asked for none, and
            // reading the type names of the framework's hundred-odd assemblies was most of what a compiler
            // process paid for our rules on a small project.
            declared ??= assembly.TypeNames;
            if (declared.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names, without namespace, that an attribute class matched by <see cref="ComputeIsSecretAttribute"/> can have.</summary>
    private static ImmutableArray<string> AttributeClassNames(ImmutableArray<string> attributes)
    {
        var names = ImmutableArray.CreateBuilder<string>(attributes.Length * 2);
        foreach (var attribute in attributes)
        {
            var name = attribute.Substring(attribute.LastIndexOf('.') + 1);
            names.Add(name);
            names.Add(name + "Attribute");
        }

        return names.ToImmutable();
    }

    /// <summary>Signed with one of the keys of Microsoft's .NET assemblies (runtime, framework, ASP.NET Core, Microsoft.Extensions).</summary>
    internal static bool IsMicrosofts(AssemblyIdentity identity)
    {
        var token = identity.PublicKeyToken;
        foreach (var known in MicrosoftKeyTokens)
        {
            if (token.AsSpan().SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    public OptionValues Options { get; }

    public SecretNameMatcher Names { get; }

    /// <summary>The configuration settings declared public (<c>pleouxguard.public_settings</c>): reading one reads no secret.</summary>
    public PublicSettings PublicSettings { get; }

    /// <summary>The answers of <see cref="Secrets.SerializedSecrets.Find"/> per payload type, which depend on these settings.</summary>
    public ConcurrentDictionary<INamedTypeSymbol, ISymbol?> SerializedSecrets { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The answers of <see cref="Secrets.SerializedSecrets.Find"/> for System.Text.Json's <c>JsonSerializer</c>.</summary>
    public ConcurrentDictionary<INamedTypeSymbol, ISymbol?> SystemTextJsonSecrets { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The answers of <see cref="Secrets.SerializedSecrets.Find"/> for Json.NET's <c>JsonConvert</c>.</summary>
    public ConcurrentDictionary<INamedTypeSymbol, ISymbol?> JsonNetSecrets { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Whether the app has MVC write JSON with Json.NET (<c>AddNewtonsoftJson</c>), so its <c>[JsonIgnore]</c> hides a member from a controller's response.</summary>
    public bool EndpointsUseJsonNet { get; }

    // Google.Protobuf's IMessage, when the project references it: a generated message prints every field as JSON.
    private readonly INamedTypeSymbol? _protobufMessage;

    private readonly ConcurrentDictionary<INamedTypeSymbol, ISymbol?> _printedMessageSecrets = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The first secret member a value of <paramref name="type"/> shows where it becomes text, when it is a protobuf
    /// message: its generated <c>ToString</c> writes every field as JSON (<c>JsonFormatter.ToDiagnosticString</c>), which
    /// no rule judges where it is written, since that code is generated. Null for any other type. Ask only when
    /// <see cref="ReferencesProtobuf"/>: every reference of every body could be asked.
    /// </summary>
    public ISymbol? PrintedMessageSecret(ITypeSymbol? type) => type switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Class } named =>
            _printedMessageSecrets.GetOrCompute(named, this, static (model, t) => model.IsProtobufMessage(t) ? Secrets.SerializedSecrets.FindPublic(t, model) : null),
        // An interceptor's TRequest and TResponse are every message of every call: one of this project's with a secret field among them.
        ITypeParameterSymbol { ContainingSymbol: IMethodSymbol { IsOverride: true } handler } when IsGrpcInterceptor(handler.ContainingType) => _anyPrintedMessageSecret.Value,
        _ => null,
    };

    private static bool IsGrpcInterceptor(INamedTypeSymbol type) => Flow.FlowTypes.IsDerivedFrom(type, "Interceptor", "Grpc.Core.Interceptors");

    // The first generated message of the project that prints a secret field; searched once, on the first interceptor's message met.
    private readonly System.Lazy<ISymbol?> _anyPrintedMessageSecret;

    /// <summary>
    /// The first secret member a logger's destructuring would write of a value typed by <paramref name="type"/>, a
    /// mediator pipeline behavior's <c>TRequest</c> (MediatR's or Mediator's <c>IPipelineBehavior&lt;TRequest, TResponse&gt;</c>):
    /// every request of the project passes there, so the first request type of the project with a secret member. Null
    /// for any other type parameter.
    /// </summary>
    public ISymbol? DestructuredRequestSecret(ITypeParameterSymbol type)
    {
        if (type.ContainingSymbol is not INamedTypeSymbol behavior || !IsPipelineBehavior(behavior))
        {
            return null;
        }

        return _anyDestructuredRequestSecret.Value;
    }

    // The first request type of the project that destructures a secret; searched once, on the first behavior's request met.
    private readonly System.Lazy<ISymbol?> _anyDestructuredRequestSecret;

    private static bool IsPipelineBehavior(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name == "IPipelineBehavior" && Flow.FlowTypes.RootNamespace(implemented) is "MediatR" or "Mediator")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A request of a mediator: it implements MediatR's <c>IBaseRequest</c> or Mediator's <c>IMessage</c>.</summary>
    private static bool IsMediatorRequest(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name is "IBaseRequest" or "IMessage" && Flow.FlowTypes.RootNamespace(implemented) is "MediatR" or "Mediator")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first answer <paramref name="find"/> gives for a type of the project, nested types and namespaces searched in order.</summary>
    private ISymbol? FirstOfProject(INamespaceOrTypeSymbol container, System.Func<SecretModel, INamedTypeSymbol, ISymbol?> find)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner
                && ((inner is INamedTypeSymbol type ? find(this, type) : null) ?? FirstOfProject(inner, find)) is { } secret)
            {
                return secret;
            }
        }

        return null;
    }

    /// <summary>Whether the project references Google.Protobuf: only then can a value be a message (<see cref="PrintedMessageSecret"/>).</summary>
    public bool ReferencesProtobuf => _protobufMessage is not null;

    /// <summary>Whether <paramref name="type"/> is a generated protobuf message (it implements <c>Google.Protobuf.IMessage</c>).</summary>
    public bool IsProtobufMessage(INamedTypeSymbol type) => type.TypeKind != TypeKind.Interface && type.Implements(_protobufMessage);

    /// <summary>The answers of <see cref="Secrets.SerializedSecrets.FindDestructured"/> per payload type.</summary>
    public ConcurrentDictionary<INamedTypeSymbol, ISymbol?> DestructuredSecrets { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether a value of this static type, made text, shows nothing a use of it should be judged for: it prints only its
    /// type's name (<see cref="Flow.FlowTypes.PrintsTypeName"/>), or prints by code PUX003 judges
    /// (<see cref="Flow.FlowTypes.PrintsByCodeJudgedHere"/>). A secret type is never taken for one: its value is the
    /// secret, whatever prints.
    /// </summary>
    public bool PrintsNothingToJudge(ITypeSymbol? type) =>
        type is INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Struct } named
        && _printsNothingToJudge.GetOrCompute(named, this, static (model, t) =>
            Flow.FlowTypes.PrintsTypeName(t) || (Flow.FlowTypes.PrintsByCodeJudgedHere(t) && !model.IsProtobufMessage(t)))
        && !IsSecretType(named);

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _printsNothingToJudge = new(SymbolEqualityComparer.Default);

    /// <summary>How many calls deep a secret argument is followed (<c>pleouxguard.call_depth</c>).</summary>
    public int CallDepth { get; }

    /// <summary>Declared in the code being compiled (not a library's, not another project's).</summary>
    /// <remarks>Asked per sink operand; a symbol's <c>Locations</c> builds a new array on every call.</remarks>
    public bool IsDeclaredHere(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _assembly);

    /// <summary>The model for the settings that apply to <paramref name="tree"/>, shared by every rule.</summary>
    /// <remarks>Asked per method body: a file met before costs one lookup, not the options' chain.</remarks>
    public static SecretModel For(Compilation compilation, AnalyzerOptions options, SyntaxTree tree)
    {
        var models = PerCompilation.GetValue(compilation, static _ => new Models());
        return models.ByTree.GetOrCompute(tree, (Compilation: compilation, Options: options, Models: models), static (state, t) =>
            state.Models.BySettings.GetOrCompute(PleoOptions.For(state.Compilation, state.Options).For(t), state.Compilation, static (c, v) => new SecretModel(c, v)));
    }

    /// <summary>Whether a local, parameter, field, property or method (its result) holds a secret.</summary>
    /// <remarks>
    /// Not cached per symbol: every test is cheap or cached on its own (names by text, attribute classes and
    /// types by definition, a symbol's attributes by Roslyn), while hashing a member of a constructed generic
    /// type for a table lookup costs more than answering again.
    /// </remarks>
    public bool IsSecret(ISymbol symbol) => ComputeIsSecret(symbol, null);

    /// <summary>As <see cref="IsSecret(ISymbol)"/>, for a reference whose operation already gives the symbol's type (asking a local for its type can cost an inference).</summary>
    public bool IsSecret(ISymbol symbol, ITypeSymbol? type) => ComputeIsSecret(symbol, type);

    /// <summary>
    /// Whether a symbol of this name can be a secret at all: any can where something in the compilation can mark
    /// one (see <see cref="CanMark"/>); otherwise only one named like a secret.
    /// </summary>
    public bool MayBeSecretNamed(string name) => _canMark || Names.IsSecretName(name);

    /// <summary>
    /// As <see cref="MayBeSecretNamed"/>, for a member of <paramref name="container"/>: its <c>Key</c> or <c>Value</c> may be
    /// its credential (<see cref="IsCredentialMember"/>). Names only: the container's members are not built.
    /// </summary>
    public bool MayBeSecretMember(INamedTypeSymbol container, string name) =>
        MayBeSecretNamed(name)
        || (name is "Key" or "Value" && Names.IsCredentialHolderName(container.Name))
        || (name == "Key" && IsSettingsKeyHolder(container));

    /// <summary>A settings type whose <c>Key</c> its section's name makes a secret (<c>PleoOptions.Key</c>).</summary>
    private bool IsSettingsKeyHolder(INamedTypeSymbol type) =>
        SecretNameMatcher.SettingsSection(type.Name) is { } section && Names.NamesSecretWithin(section, "Key");

    /// <summary>
    /// Whether the property or field is the credential a type named for one holds, though its own name says nothing:
    /// the <c>Key</c> of <c>PleoCredentials</c>, <c>AzureKeyCredential</c> or <c>PleoApiKey</c>, the <c>Value</c> of
    /// <c>ClientSecret</c> or <c>KeyVaultSecret</c>, the <c>Key</c> of settings bound from a section whose name makes it a
    /// secret (<c>PleoOptions.Key</c>, as <c>Pleo:Key</c> is: <see cref="SecretNameMatcher.NamesSecretWithin"/>). The type's name is judged as a secret's (so <c>ApiKeyOptions</c> and
    /// <c>SecretName</c> are not named for one), a token type is not (a parser's <c>Token</c> has a <c>Value</c>), and a
    /// type that has a <c>Value</c> as well holds its credential there, under a <c>Key</c> that names it
    /// (<c>SecretEntry</c>, as a <c>KeyValuePair</c> does). A <c>Key</c> beside a <c>Name</c>, <c>Id</c> or <c>Path</c>
    /// names an entry too, and a type whose name ends in selector, ref, lookup, name, path… points to a credential
    /// rather than holds one (Kubernetes' <c>V1SecretKeySelector { Key, Name }</c>).
    /// </summary>
    /// <remarks>Only the name is read for every symbol asked; the type's answer is cached by its definition.</remarks>
    public bool IsCredentialMember(ISymbol symbol) =>
        symbol.Name is "Key" or "Value"
        && symbol.Kind is SymbolKind.Property or SymbolKind.Field
        && symbol.ContainingType is { } container
        && (CredentialMembersOf(container) & (symbol.Name == "Key" ? CredentialMembers.Key : CredentialMembers.Value)) != 0;

    /// <summary>
    /// The credential a library type holds as its <c>Value</c> or <c>Key</c> (<c>KeyVaultSecret.Value</c>,
    /// <c>AzureKeyCredential.Key</c>; <see cref="IsCredentialMember"/>), which serializing the object writes out; null for
    /// any other type.
    /// </summary>
    public ISymbol? CredentialOf(INamedTypeSymbol type)
    {
        if (ValidationFailures.IsFailure(type))
        {
            // A failure of a rule on a secret member holds the key that failed.
            return ValidatesSecret && type.GetMembers("AttemptedValue") is { Length: > 0 } attempted ? attempted[0] : null;
        }

        var members = CredentialMembersOf(type);
        if (members == CredentialMembers.None)
        {
            return null;
        }

        var name = (members & CredentialMembers.Value) != 0 ? "Value" : "Key";
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null })
                {
                    return member;
                }
            }
        }

        return null;
    }

    private CredentialMembers CredentialMembersOf(INamedTypeSymbol container) =>
        _credentialTypes.GetOrCompute(container.OriginalDefinition, this, static (self, type) => self.ComputeCredentialMembers(type));

    private CredentialMembers ComputeCredentialMembers(INamedTypeSymbol type)
    {
        if (type.IsAnonymousType || type.IsTupleType)
        {
            return CredentialMembers.None;
        }

        var holds = Names.IsCredentialHolderName(type.Name) ? CredentialMembers.Key | CredentialMembers.Value
            : IsSettingsKeyHolder(type) ? CredentialMembers.Key
            : CredentialMembers.None;
        if (holds == CredentialMembers.None)
        {
            return CredentialMembers.None;
        }

        var namesAnEntry = false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers("Value").IsEmpty)
            {
                return holds & CredentialMembers.Value;
            }

            // A Key beside a Name, Id or Path names an entry of a store (Kubernetes' SecretKeySelector { Key, Name }).
            namesAnEntry |= !current.GetMembers("Name").IsEmpty || !current.GetMembers("Id").IsEmpty || !current.GetMembers("Path").IsEmpty;
        }

        return namesAnEntry ? CredentialMembers.None : holds;
    }

    /// <summary>Whether every value of the type is a secret (configured, or carrying a secret attribute).</summary>
    public bool IsSecretType(ITypeSymbol? type) =>
        _canMark
        && type is not null
        && type.SpecialType == SpecialType.None
        && (!_secretTypes.IsEmpty || type.TypeKind is TypeKind.Class or TypeKind.Struct)
        && IsSecretDefinition(type.OriginalDefinition); // attributes and configured names belong to the definition

    /// <summary>Whether the result of the method is safe to show whatever it was given.</summary>
    /// <remarks>Only a configured sanitizer list needs the method itself; the built-in tests read names, cached as text.</remarks>
    public bool IsSanitizer(IMethodSymbol method) =>
        SanitizingWords(method.Name) is var byName && (byName == Sanitizing.Yes
            || (byName == Sanitizing.No && SanitizingWords(method.ContainingType.Name) == Sanitizing.Yes)
            || method.ContainingType.DerivesFrom(_redactor)
            || IsListedSanitizer(method));

    /// <summary>
    /// Whether <c>pleouxguard.sanitizer_methods</c> lists the method: the project's word, taken as given. A sanitizer
    /// by name only is taken at its body's word where the body is at hand.
    /// </summary>
    public bool IsListedSanitizer(IMethodSymbol method) =>
        !_sanitizers.IsEmpty && _sanitizerMethods.GetOrCompute(method, this, static (self, m) => self.IsConfiguredSanitizer(m));

    /// <summary>string, char[], byte[], spans and memories of char, StringBuilder, SecureString, and arrays or tasks of those.</summary>
    public bool IsTextLike(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol array:
                return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_String;
            case INamedTypeSymbol named:
                if (named.SpecialType != SpecialType.None)
                {
                    return named.SpecialType == SpecialType.System_String;
                }

                // Asked for every reference a body reads: the name rules out nearly every type before the costlier
                // symbol comparison that proves it.
                switch (named.Name)
                {
                    case "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" when named.IsGenericType:
                        // TypeArguments builds a new array on every call: asked only of the few definitions that need it.
                        var definition = named.OriginalDefinition;
                        return (Is(definition, _span) || Is(definition, _readOnlySpan) || Is(definition, _memory) || Is(definition, _readOnlyMemory))
                            && named.TypeArguments[0].SpecialType == SpecialType.System_Char;
                    case "Task" or "ValueTask" when named.IsGenericType:
                        return (Is(named.OriginalDefinition, _task) || Is(named.OriginalDefinition, _valueTask)) && IsTextLike(named.TypeArguments[0]);
                    case "StringBuilder" or "SecureString" when !named.IsGenericType:
                        return Is(named, _stringBuilder) || Is(named, _secureString);
                    default:
                        return false;
                }
            default:
                return false;
        }
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? wellKnown) =>
        wellKnown is not null && SymbolEqualityComparer.Default.Equals(type, wellKnown);

    /// <param name="type">The symbol's type when the caller has it; asked of the symbol only when needed.</param>
    private bool ComputeIsSecret(ISymbol symbol, ITypeSymbol? type)
    {
        // Cheapest test first: most symbols are not text, or not named like a secret. Without a type at hand the
        // name goes first, since asking a symbol for its type can allocate (in nullable code a method's return
        // type is a new wrapper on every call) and most names say nothing of a secret.
        if (type is not null
            ? IsTextLike(type) && Names.IsSecretName(symbol.Name)
            : Names.IsSecretName(symbol.Name) && IsTextLike(type = TypeOf(symbol)))
        {
            return !SecretCalls.ReadsSavedToken(symbol);
        }

        // AccessToken.Value: the signed-in user's bearer token, whose name says nothing. UserBoundTokens says which
        // symbol it is, for this and for the sinks it may reach; the type looked up once only spares projects without
        // the library the test.
        if (_accessToken is not null && UserBoundTokens.IsSignInAccessToken(symbol))
        {
            return true;
        }

        // AuthenticationToken.Value: a token the sign-in saved (SaveTokens: the provider's access, refresh and id
        // tokens), as AuthenticationProperties.GetTokens() lists them; its Name says which.
        if (_authenticationToken is not null && symbol is IPropertySymbol { Name: "Value" } saved && Is(saved.ContainingType, _authenticationToken))
        {
            return true;
        }

        // PleoCredentials.Key: the credential of a type named for one. The name rules out nearly every symbol first.
        if (IsCredentialMember(symbol) && IsTextLike(type ??= TypeOf(symbol)))
        {
            return true;
        }

        // [FromHeader(Name = "X-Pleo-Key")] string value: what the client sent under a secret's name, as Request.Headers["X-Pleo-Key"].
        if (_bindingCompilation is not null && symbol.Kind is SymbolKind.Parameter or SymbolKind.Property && BindsByName()
            && IsTextLike(type ??= TypeOf(symbol)) && IsDeclaredHere(symbol)
            && _boundFromSecretName.GetOrCompute(symbol, this, static (self, bound) => self.IsBoundFromSecretName(bound)))
        {
            return true;
        }

        if (!_canMark)
        {
            return false;
        }

        type ??= TypeOf(symbol);

        if ((symbol.Kind != SymbolKind.Local && HasSecretAttribute(symbol)) || IsSecretType(type))
        {
            return true;
        }

        // A positional parameter is declared in source: asking a referenced type whether it is a record means a
        // search for its clone method, so only this project's records are asked.
        return symbol is IPropertySymbol property
            && IsDeclaredHere(property)
            && property.ContainingType.IsRecord
            && HasAttributedParameter(property.ContainingType.OriginalDefinition)
            && PositionalParameter(property) is { } parameter
            && HasSecretAttribute(parameter);
    }

    /// <summary>
    /// Whether a FluentValidation failure's <c>AttemptedValue</c> can be the key: a validator of the compilation has a rule
    /// on a secret member (<see cref="ValidationFailures"/>).
    /// </summary>
    public bool ValidatesSecret
    {
        get
        {
            if (_validationCompilation is null)
            {
                return false;
            }

            var known = Volatile.Read(ref _validatesSecret);
            if (known == 0)
            {
                known = ValidationFailures.HaveRuleOnSecret(_validationCompilation, Names) ? 2 : 1;
                Volatile.Write(ref _validatesSecret, known);
            }

            return known == 2;
        }
    }

    /// <summary>Whether a <c>Destructure.ByTransforming</c> of the compilation gives Serilog a shape of its own for values of the type.</summary>
    public bool IsTransformedForLogs(INamedTypeSymbol type) => _transformedForLogs is { } transformed && transformed.Value.Contains(type.Name);

    /// <summary>Whether the property is a FluentValidation failure's <c>AttemptedValue</c> where that can be the key.</summary>
    public bool IsAttemptedSecret(IPropertySymbol property) => ValidationFailures.IsAttemptedValue(property) && ValidatesSecret;

    /// <summary>
    /// Whether any source binds a value by name (<c>[FromHeader(Name = …)]</c> and the like, a command-line option attribute), read once from the files' text:
    /// a web project without one asks no parameter or property for its attributes, which, asked of every reference to a
    /// text, cost a few percent of our time.
    /// </summary>
    private bool BindsByName()
    {
        var known = Volatile.Read(ref _bindsByName);
        if (known == 0)
        {
            known = 1;
            foreach (var tree in _bindingCompilation!.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                // FastEndpoints names it first: [FromHeader("X-Pleo-Key")], [BindFrom("api_key")].
                if (text.Contains("FromHeader(") || text.Contains("FromQuery(") || text.Contains("FromForm(") || text.Contains("SupplyParameterFromQuery(")
                    || text.Contains("BindFrom(") || text.Contains("Option("))
                {
                    known = 2;
                    break;
                }
            }

            Volatile.Write(ref _bindsByName, known);
        }

        return known == 2;
    }

    /// <summary>
    /// Whether a command-line option attribute names a secret: a template or name given to its constructor
    /// (<c>[CommandOption("-k|--api-key &lt;KEY&gt;")]</c>, <c>[Option('k', "api-key")]</c>) or as <c>LongName</c>, <c>Template</c> or <c>Name</c>.
    /// </summary>
    private bool NamesSecretOption(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is string text && CommandLineOptions.NamesSecret(text, Names))
            {
                return true;
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key is "LongName" or "Template" or "Name" && argument.Value.Value is string text && CommandLineOptions.NamesSecret(text, Names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the parameter or property is bound from a request value named for a secret: <c>[FromHeader(Name = "X-Pleo-Key")]</c>,
    /// <c>[FromQuery(Name = "api_key")]</c>, <c>[FromForm(Name = "Input.ApiKey")]</c>, a component's
    /// <c>[SupplyParameterFromQuery(Name = "api_key")]</c>.
    /// </summary>
    private bool IsBoundFromSecretName(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "FromHeaderAttribute" or "FromQueryAttribute" or "FromFormAttribute" or "SupplyParameterFromQueryAttribute" or "BindFromAttribute" })
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Name" && argument.Value.Value is string name && Names.IsSecretName(name))
                    {
                        return true;
                    }
                }

                // FastEndpoints' [FromHeader("X-Pleo-Key")] and [BindFrom("api_key")] take the name first.
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string first && Names.IsSecretName(first))
                {
                    return true;
                }
            }
            else if (attribute.AttributeClass is { } option && CommandLineOptions.IsOptionAttribute(option) && NamesSecretOption(attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a constructor parameter of the record carries an attribute: only then can a positional property be a secret by its parameter's attribute.</summary>
    private bool HasAttributedParameter(INamedTypeSymbol record) =>
        _attributedRecords.GetOrCompute(record, ComputeHasAttributedParameter);

    private static bool ComputeHasAttributedParameter(INamedTypeSymbol record)
    {
        foreach (var constructor in record.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (!parameter.GetAttributes().IsEmpty)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IMethodSymbol method => method.MethodKind == MethodKind.Ordinary || method.MethodKind == MethodKind.LocalFunction ? method.ReturnType : null,
        _ => null,
    };

    /// <summary>The primary-constructor parameter a record's positional property was declared by.</summary>
    private static IParameterSymbol? PositionalParameter(IPropertySymbol property)
    {
        // Only an attributed parameter can make its property a secret; most have none.
        if (property.DeclaringSyntaxReferences.Length != 1
            || property.DeclaringSyntaxReferences[0].GetSyntax() is not ParameterSyntax { AttributeLists.Count: > 0 } declaration)
        {
            return null;
        }

        foreach (var constructor in property.ContainingType.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == property.Name && parameter.DeclaringSyntaxReferences.Length == 1
                    && parameter.DeclaringSyntaxReferences[0].GetSyntax() == declaration)
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    private bool ComputeIsSecretType(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        foreach (var secretType in _secretTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(definition, secretType))
            {
                return true;
            }
        }

        return type.TypeKind is TypeKind.Class or TypeKind.Struct && type.Locations.Length > 0 && HasSecretAttribute(type);
    }

    private bool HasSecretAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && IsSecretAttribute(attributeClass))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSecretAttribute(INamedTypeSymbol attribute) =>
        _attributeClasses.GetOrCompute(attribute, this, static (self, a) => self.ComputeIsSecretAttribute(a));

    private bool IsSecretDefinition(ITypeSymbol definition) =>
        _types.GetOrCompute(definition, this, static (self, d) => self.ComputeIsSecretType(d));

    private bool ComputeIsSecretAttribute(INamedTypeSymbol attribute)
    {
        if (attribute.DerivesFrom(_dataClassificationAttribute))
        {
            return true;
        }

        var name = attribute.Name;
        var shortName = name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - 9) : name;
        var fullName = attribute.ToDisplayString();
        foreach (var configured in _attributeNames)
        {
            if (configured == name || configured == shortName || configured == fullName
                || (configured + "Attribute") == fullName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a method's name undoes a protection (<c>Unprotect</c>, <c>DecryptString</c>, <c>Reveal</c>, <c>Unmask</c>).</summary>
    /// <remarks>Asked of every call a body makes: the text test rules out nearly all names before the cached word split.</remarks>
    public bool UndoesProtection(string name) =>
        (name.IndexOf("rypt", StringComparison.Ordinal) >= 0 || name.IndexOf("rotect", StringComparison.Ordinal) >= 0
            || name.IndexOf("eveal", StringComparison.Ordinal) >= 0 || name.IndexOf("nmask", StringComparison.Ordinal) >= 0)
        && SanitizingWords(name) == Sanitizing.Undoes;

    private Sanitizing SanitizingWords(string name) =>
        _sanitizingNames.GetOrCompute(name, ComputeSanitizingWords);

    private static Sanitizing ComputeSanitizingWords(string name)
    {
        var found = false;
        foreach (var word in IdentifierWords.Split(name))
        {
            if (word is "unmask" or "unprotect" or "decrypt" or "reveal")
            {
                return Sanitizing.Undoes;
            }

            found |= word is "mask" or "masked" or "masker" or "redact" or "redacted" or "redactor" or "hash" or "hashed"
                or "fingerprint" or "encrypt" or "protect";
        }

        // Mask(), Redact(); or any method of a SecretMask / KeyRedactor type, except one that undoes it (Unmask).
        return found ? Sanitizing.Yes : Sanitizing.No;
    }

    private bool IsConfiguredSanitizer(IMethodSymbol method)
    {
        var qualified = OptionName(method.ContainingType) + "." + method.Name;
        foreach (var configured in _sanitizers)
        {
            if (configured.EndsWith("*", StringComparison.Ordinal))
            {
                var prefix = configured.Substring(0, configured.Length - 1);
                if (method.Name.StartsWith(prefix, StringComparison.Ordinal) || qualified.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (configured == method.Name || configured == qualified)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A type's full name as the options write it: namespace and containing types joined by dots, a generic type
    /// with a backtick and its number of type parameters (<c>Acme.Keys.Box`1</c>), a special type by its own name
    /// (<c>System.String</c>, not <c>string</c>). The display string has none of these forms.
    /// </summary>
    private static string OptionName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        if (type.ContainingType is { } outer)
        {
            return OptionName(outer) + "." + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } space ? space.ToDisplayString() + "." + name : name;
    }

    /// <summary>The models of one compilation: one per set of settings, and the one of each file met.</summary>
    private sealed class Models
    {
        public ConcurrentDictionary<OptionValues, SecretModel> BySettings { get; } = new();

        public ConcurrentDictionary<SyntaxTree, SecretModel> ByTree { get; } = new();
    }

    [Flags]
    private enum CredentialMembers
    {
        None = 0,
        Key = 1,
        Value = 2,
    }

    private enum Sanitizing
    {
        No,
        Yes,
        Undoes,
    }
}
