using System.Collections.Immutable;
using System.Linq;
using PleoUxGuard.Analyzers.Configuration;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>The built-in vocabulary of the message rules plus what <c>.editorconfig</c> adds, for one set of options.</summary>
internal sealed class MessageSettings
{
    private static readonly string[] DefaultConnectionNames =
    {
        "api key", "apikey", "key", "connect", "reconnect", "connection", "credential", "integration",
        "activation", "activate", "pleo", "token", "install", "installation", "revoke", "rotate", "rotation",
    };

    /// <summary>Keys of other things, whose "key" makes nothing connection code: a form's <c>SortKey</c>, a <c>CacheKey</c>.</summary>
    private static readonly string[] NotConnectionKeys =
    {
        "sort key", "cache key", "partition key", "primary key", "foreign key", "idempotency key", "row key", "composite key",
        "dictionary key", "lookup key", "hash key", "shortcut key", "hot key", "route key", "resource key", "localization key",
        "translation key", "storage key", "object key", "entity key", "unique key", "natural key", "surrogate key", "group key",
        "order key", "sorting key", "filter key", "map key", "index key", "deduplication key", "dedupe key", "concurrency key",
    };

    private static readonly string[] DefaultSignInNames =
    {
        "login", "log in", "logon", "log on", "signin", "sign in", "signup", "sign up", "register",
        "registration", "password", "two factor", "2fa", "mfa", "lockout", "logout", "log out", "sign out",
    };

    private static readonly string[] DefaultConnectionExceptions =
    {
        "System.Net.Http.HttpRequestException", "System.Security.Authentication.AuthenticationException",
        "System.UnauthorizedAccessException", "System.Threading.Tasks.TaskCanceledException",
        "System.TimeoutException",
    };

    public MessageSettings(OptionValues options)
    {
        ConnectionNames = new NameMatcher(DefaultConnectionNames.Concat(options.Get(MessageOptions.ConnectionNames)), NotConnectionKeys);
        SignInNames = new NameMatcher(DefaultSignInNames.Concat(options.Get(MessageOptions.SignInNames)));
        ConnectionExceptions = DefaultConnectionExceptions.Concat(options.Get(MessageOptions.ConnectionExceptions)).ToImmutableArray();
        GenericPhrases = options.Get(MessageOptions.GenericPhrases);
        RecoveryCues = options.Get(MessageOptions.RecoveryCues);
        JargonTerms = options.Get(MessageOptions.JargonTerms);
        AllowedJargonTerms = options.Get(MessageOptions.AllowedJargonTerms);
        GenericOnlyInConnectionCode = options.Get(MessageOptions.GenericOnlyInConnectionCode);
        GenericMessagesInExceptions = options.Get(MessageOptions.GenericMessagesInExceptions);
        ConsoleMessages = options.GetIfSet(MessageOptions.ConsoleMessages);
    }

    public NameMatcher ConnectionNames { get; }

    public NameMatcher SignInNames { get; }

    /// <summary>Full or simple type names; a catch of one of them (or a subclass) is connection code.</summary>
    public ImmutableArray<string> ConnectionExceptions { get; }

    public ImmutableArray<string> GenericPhrases { get; }

    public ImmutableArray<string> RecoveryCues { get; }

    public ImmutableArray<string> JargonTerms { get; }

    /// <summary>Built-in jargon terms not to report, normalised.</summary>
    public ImmutableArray<string> AllowedJargonTerms { get; }

    public bool GenericOnlyInConnectionCode { get; }

    /// <summary>False when PUX010 leaves the messages of exception constructors alone.</summary>
    public bool GenericMessagesInExceptions { get; }

    /// <summary>Whether the console is the user's screen; null when not set, which leaves it to the project (<see cref="Sinks.UserMessageSinks.IsCommandLineTool"/>).</summary>
    public bool? ConsoleMessages { get; }
}
