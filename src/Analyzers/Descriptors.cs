using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers;

/// <summary>All diagnostic descriptors: titles, message formats, categories and help links.</summary>
internal static class Descriptors
{
    private const string HelpLinkBase = "https://github.com/pleouxguard/pleouxguard/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
        DiagnosticIds.InvalidConfiguration,
        "PleoUxGuard configuration is invalid",
        "PleoUxGuard option '{0}' is invalid: {1}",
        Categories.Configuration,
        "An .editorconfig option of PleoUxGuard could not be read. The bad entry is ignored until it is fixed.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SecretToLog = Create(
        DiagnosticIds.SecretToLog,
        "Secret written to a log or diagnostic output",
        "'{0}' is written to logs or diagnostic output by {1}",
        Categories.Security,
        "Pleo API keys and other secrets must never appear in logs or debug output (R-VIS-3).");

    public static readonly DiagnosticDescriptor SecretToMessage = Create(
        DiagnosticIds.SecretToMessage,
        "Secret placed in an exception or user-facing message",
        "'{0}' is placed in a message by {1}",
        Categories.Security,
        "Secrets must never appear in exception messages or messages shown to users (R-VIS-3).");

    public static readonly DiagnosticDescriptor SecretInToString = Create(
        DiagnosticIds.SecretInToString,
        "Type exposes a secret through ToString",
        "'{0}' exposes the secret '{1}' through {2}",
        Categories.Security,
        "A type's ToString, PrintMembers or DebuggerDisplay must not print a secret member (R-VIS-3).");

    public static readonly DiagnosticDescriptor SecretToClient = Create(
        DiagnosticIds.SecretToClient,
        "Secret sent to the client",
        "'{0}' is sent to the client by {1}",
        Categories.Security,
        "The full key must never be retrievable after saving: not in responses, JSON or Razor markup (R-VIS-1).");

    public static readonly DiagnosticDescriptor PartialSecretBeyondLastFour = Create(
        DiagnosticIds.PartialSecretBeyondLastFour,
        "Secret shown partially beyond the last 4 characters",
        "A part of '{0}' other than its last 4 characters reaches {1}",
        Categories.Security,
        "A partial key may show at most its last 4 characters, as in ••••abcd (R-VIS-2).");

    public static readonly DiagnosticDescriptor SecretInUrl = Create(
        DiagnosticIds.SecretInUrl,
        "Secret sent in a URL instead of the Authorization header",
        "'{0}' is placed in a URL by {1}; send it in the Authorization header",
        Categories.Security,
        "Pleo keys go in the Authorization header, never in a query string or path (R-SEC-2).");

    public static readonly DiagnosticDescriptor SecretToBrowserStorage = Create(
        DiagnosticIds.SecretToBrowserStorage,
        "Secret written to a cookie, browser storage or client-side script",
        "'{0}' reaches the browser through {1}",
        Categories.Security,
        "Keys stay on the backend: never in cookies, browser storage or client-side script (R-SEC-3).");

    public static readonly DiagnosticDescriptor GenericErrorMessage = Create(
        DiagnosticIds.GenericErrorMessage,
        "Generic error message",
        "The message \"{0}\" {1} {2}{3}",
        Categories.Usability,
        "Authentication failures must explain what failed; never a generic message such as \"Authentication failed\" (R-ERR-1).");

    public static readonly DiagnosticDescriptor NoRecoveryAction = Create(
        DiagnosticIds.NoRecoveryAction,
        "Authentication error gives no recovery action",
        "The message \"{0}\" shown through {1} reports a failure but does not tell the user what to do next{2}",
        Categories.Usability,
        "Connection errors must offer a clear recovery action, such as checking and re-entering the key (R-ERR-3).");

    public static readonly DiagnosticDescriptor RawTechnicalDetail = Create(
        DiagnosticIds.RawTechnicalDetail,
        "Raw technical detail shown to the user",
        "Raw technical detail ({0}) reaches the user through {1}{2}; say what failed in plain words instead",
        Categories.Usability,
        "Error messages must avoid technical jargon such as status codes, exception text or stack traces (R-ERR-1).");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, string description, params string[] customTags) =>
        new(
            id,
            title,
            messageFormat,
            category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: customTags);

    private static class Categories
    {
        public const string Configuration = "Configuration";
        public const string Security = "Security";
        public const string Usability = "Usability";
    }
}
