using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Primitives;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// Reads Pleo's API-key authentication, <c>Authorization: Basic base64("&lt;key&gt;:")</c>, and says
/// precisely what is wrong with anything else, so an integration's developer can fix it.
/// </summary>
internal readonly record struct BasicCredentials(string? Key, string? Problem)
{
    /// <summary>Far longer than any key; longer headers are refused before decoding.</summary>
    public const int MaximumEncodedLength = 1024;

    private const string HowToSend = "Send the key as the user name with an empty password: Authorization: Basic base64(\"<key>:\").";

    public bool Present => Key is not null || Problem is not null;

    public static BasicCredentials Read(StringValues headerValues)
    {
        if (headerValues.Count == 0)
        {
            return default;
        }

        if (headerValues.Count > 1)
        {
            return Invalid($"The request has {headerValues.Count} Authorization headers; send exactly one. {HowToSend}");
        }

        var value = headerValues[0] ?? string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid($"The Authorization header is empty. {HowToSend}");
        }

        if (value.Length > MaximumEncodedLength)
        {
            return Invalid($"The Authorization header is {value.Length} characters long, far longer than an API key. {HowToSend}");
        }

        var separator = value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = separator < 0 ? value : value[..separator];
        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"The Authorization header uses the \"{Printable(scheme)}\" scheme; Pleo API keys use Basic. {HowToSend}");
        }

        var encoded = separator < 0 ? string.Empty : value[(separator + 1)..].Trim();
        if (encoded.Length == 0)
        {
            return Invalid($"The Authorization header has no credentials after \"Basic\". {HowToSend}");
        }

        var decoded = new byte[((encoded.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(encoded, decoded, out var decodedLength))
        {
            return Invalid($"The Authorization header's credentials are not valid base64. {HowToSend}");
        }

        var bytes = decoded.AsSpan(0, decodedLength);
        if (!Utf8.IsValid(bytes))
        {
            return Invalid($"The Authorization header's credentials are not UTF-8 text. {HowToSend}");
        }

        var credentials = Encoding.UTF8.GetString(bytes);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return Invalid($"The Authorization header's credentials have no colon after the key. {HowToSend}");
        }

        if (colon == 0)
        {
            return Invalid($"The Authorization header's credentials have no key before the colon. {HowToSend}");
        }

        var key = credentials[..colon];
        if (colon != credentials.Length - 1)
        {
            // Assumed strictness: Pleo documents an empty password, so anything else is a client bug worth naming.
            return new BasicCredentials(key, $"The Authorization header carries a password; Pleo API keys use an empty one. {HowToSend}");
        }

        return new BasicCredentials(key, null);
    }

    private static BasicCredentials Invalid(string problem) => new(null, problem);

    /// <summary>Echoes a scheme name only when it is short, plain ASCII, so an error never repeats a secret or garbage.</summary>
    private static string Printable(string scheme) =>
        scheme.Length <= 16 && scheme.All(c => c is >= '!' and <= '~') ? scheme : "unknown";
}
