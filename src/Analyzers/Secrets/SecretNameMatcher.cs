using System.Collections.Concurrent;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PleoUxGuard.Analyzers.Secrets;

/// <summary>
/// Decides whether a name denotes a secret from its words, not its substrings: <c>apiKey</c>,
/// <c>client_secret</c> and <c>RefreshToken</c> do; <c>tokenType</c>, <c>apiKeyId</c>, <c>maskedKey</c>,
/// <c>nextPageToken</c> and <c>monkey</c> do not.
/// </summary>
internal sealed class SecretNameMatcher
{
    /// <summary>
    /// The secret words. Pleo's own names for its keys are among them: a Pleo key, the "Integrated API Key" of an
    /// integration, the key of an installation (<c>pleoKey</c>, <c>integrationKey</c>, <c>installationKey</c>).
    /// </summary>
    private static readonly string[] BuiltInTerms =
    {
        "api key", "apikey", "secret", "token", "password", "passwd", "pwd", "passphrase", "credential",
        "credentials", "private key", "privatekey", "access key", "accesskey", "auth key", "authkey", "bearer",
        "pleo key", "pleokey", "integration key", "integrated key", "installation key",
        // Written as one word where case cannot split them (ACCOUNTING__APITOKEN, an environment variable).
        "apitoken", "apisecret", "accesstoken", "authtoken", "refreshtoken", "bearertoken", "clientsecret",
    };

    /// <summary>Words that describe something other than the secret itself, wherever they stand (<c>maskedApiKey</c>, <c>nextToken</c>).</summary>
    private static readonly string[] BuiltInVetoes =
    {
        "mask", "masked", "masking", "hashed", "encrypted", "protected", "ciphertext", "redacted", "last4", "suffix", "ending", "tail", "next",
        "page", "continuation", "cursor", "hint", "placeholder", "label", "description", "question", "format", "pattern",
        "regex", "policy", "provider", "scheme", "sanitized", "safe", "fingerprint", "lock",
    };

    /// <summary>
    /// Phrases that name a position in a feed rather than a credential (<c>resumeToken</c> of a change stream,
    /// <c>syncToken</c>, <c>deltaToken</c>), where the first word alone says nothing (<c>syncApiKey</c> is a key).
    /// </summary>
    private static readonly string[] BuiltInPhraseVetoes = { "resume token", "sync token", "delta token" };

    /// <summary>
    /// Head nouns that veto only after the secret words: <c>apiKeyId</c> is an id, <c>idToken</c> is a token. A hash,
    /// digest or cipher is one too: <c>apiKeySha256</c> and <c>passwordHash</c> are digests of a secret, while
    /// <c>hashSecret</c>, <c>hmacSha256Secret</c> and <c>cipherPassword</c> are the secrets a hash or cipher is keyed with.
    /// </summary>
    private static readonly string[] BuiltInHeadVetoes =
    {
        "id", "ids", "name", "names", "type", "types", "kind", "count", "length", "size", "url", "uri", "endpoint",
        "header", "expiry", "expires", "expiration", "expiresat", "expiresin", "created", "createdat", "file", "path",
        "status", "state", "prefix", "section", "field", "parameter", "param", "property", "column", "claim",
        "claims", "scope", "scopes", "audience", "issuer", "lifetime", "ttl", "timeout", "age", "version", "valid",
        "required", "set", "configured", "missing", "exists", "present", "error", "errors", "message", "strength",
        "rule", "rules", "requirement", "requirements", "source", "location", "ref", "reference", "template", "route",
        "option", "options", "setting", "settings", "display", "preview", "changed", "updated", "rotated", "revoked",
        "region", "hash", "hashes", "digest", "cipher", "sha1", "sha256", "sha384", "sha512", "md5", "cache",
    };

    /// <summary>
    /// Words that, after <c>last</c>, make it the last characters of a secret (<c>lastFourOfKey</c>,
    /// <c>lastCharsOfToken</c>) rather than the latest one (<c>lastRotatedApiKey</c>, <c>lastUsedToken</c>).
    /// </summary>
    private static readonly string[] LastCounts =
    {
        "four", "4", "two", "three", "five", "six", "eight", "n", "digit", "digits", "char", "chars", "character", "characters", "letters",
    };

    private readonly ImmutableArray<string[]> _terms;
    private readonly HashSet<string> _vetoes;

    // Configured vetoes of several words ("demo tenant"): they veto where those words stand together.
    private readonly ImmutableArray<string[]> _phraseVetoes;
    private readonly HashSet<string> _headVetoes;

    // The same few hundred names (logger, options, apiKey…) come back in every body; splitting them into words each time is the cost.
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

    public SecretNameMatcher(ImmutableArray<string> extraTerms, ImmutableArray<string> extraVetoes)
    {
        var terms = ImmutableArray.CreateBuilder<string[]>();
        foreach (var term in BuiltInTerms)
        {
            terms.Add(term.Split(' '));
        }

        foreach (var term in extraTerms)
        {
            terms.Add(term.Split(' '));
        }

        _terms = terms.ToImmutable();
        _vetoes = new HashSet<string>(BuiltInVetoes, StringComparer.Ordinal);
        var phraseVetoes = ImmutableArray.CreateBuilder<string[]>();
        var allVetoes = new List<string>(BuiltInPhraseVetoes);
        allVetoes.AddRange(extraVetoes);
        foreach (var veto in allVetoes)
        {
            var vetoWords = veto.Split(' ');
            if (vetoWords.Length == 1)
            {
                _vetoes.Add(veto);
            }
            else
            {
                phraseVetoes.Add(vetoWords);
            }
        }

        _phraseVetoes = phraseVetoes.ToImmutable();
        _headVetoes = new HashSet<string>(BuiltInHeadVetoes, StringComparer.Ordinal);
    }

    public bool IsSecretName(string name) => name.Length >= 3 && _answers.GetOrCompute(name, this, static (self, n) => self.ComputeIsSecretName(n));

    private bool ComputeIsSecretName(string name)
    {

        var words = IdentifierWords.Split(name);
        var lastTermEnd = -1;
        for (var index = 0; index < words.Count; index++)
        {
            var length = TermLengthAt(words, index);
            if (length > 0)
            {
                lastTermEnd = index + length;
                index += length - 1;
            }
        }

        if (lastTermEnd < 0)
        {
            return false;
        }

        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            if (_vetoes.Contains(word) || (index >= lastTermEnd && _headVetoes.Contains(word)) || PhraseVetoAt(words, index)
                || (word == "last" && (index >= lastTermEnd || (index + 1 < words.Count && Array.IndexOf(LastCounts, words[index + 1]) >= 0))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words that say a value is kept protected, disregarded by <see cref="NamesProtectedSecret"/>.</summary>
    private static readonly string[] ProtectionWords =
    {
        "protected", "protect", "encrypted", "encrypt", "ciphertext", "cipher", "ciphered", "sealed", "wrapped",
    };

    /// <summary>
    /// Whether what a name (or a Data Protection purpose, <c>Pleo.ApiKey</c>) holds protected is a secret: the name is
    /// a secret's once its protection words are disregarded (<c>EncryptedApiKey</c>, <c>protectedApiKey</c>,
    /// <c>apiKeyCiphertext</c>; not <c>protectedId</c> nor <c>Links.OrderId</c>).
    /// </summary>
    public bool NamesProtectedSecret(string name)
    {
        var words = IdentifierWords.Split(name);
        var kept = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (Array.IndexOf(ProtectionWords, word) < 0)
            {
                kept.Add(word);
            }
        }

        return kept.Count > 0 && IsSecretName(string.Join("_", kept));
    }

    /// <summary>Last words of a type's name that make it point to a credential stored elsewhere, not hold one (<c>V1SecretKeySelector</c>).</summary>
    private static readonly string[] HolderHeadVetoes =
    {
        "selector", "selectors", "ref", "reference", "references", "lookup", "locator", "name", "names", "path", "paths",
        "source", "projection", "mount", "binding",
    };

    /// <summary>
    /// Whether a type of this name holds a credential (<c>PleoCredentials</c>, <c>PleoApiKey</c>, <c>ClientSecret</c>): a
    /// secret's name that has no token in it, since a token type is more often a parser's (<c>Token</c>, <c>SyntaxToken</c>)
    /// than a credential, and that does not end in a word of a pointer to one (<c>V1SecretKeySelector</c>,
    /// <c>ApiKeyLookup</c>: its <c>Key</c> names an entry).
    /// </summary>
    public bool IsCredentialHolderName(string typeName)
    {
        if (!IsSecretName(typeName))
        {
            return false;
        }

        var words = IdentifierWords.Split(typeName);
        foreach (var word in words)
        {
            if (word is "token" or "tokens")
            {
                return false;
            }
        }

        return Array.IndexOf(HolderHeadVetoes, words[words.Count - 1]) < 0;
    }

    /// <summary>
    /// Whether a setting named <paramref name="leaf"/> under a section named <paramref name="section"/> is a secret by the
    /// two names together: <c>Pleo:Key</c> and <c>PleoOptions.Key</c> hold a Pleo key, <c>Api:Key</c> an API key, while
    /// <c>Cache:Key</c> holds none, nor <c>OpenApi:Key</c>, whose words only end in an API key's. A section named for a secret itself configures a scheme (<c>ApiKey:Key</c>,
    /// <c>ApiKeyOptions.Key</c>, often a header's name), so its leaves are judged by their own names only.
    /// </summary>
    public bool NamesSecretWithin(string section, string leaf)
    {
        if (section.Length == 0 || IsSecretName(section))
        {
            return false;
        }

        // The secret's words must be the section's, all of them, then the leaf: Pleo:Key is a pleo key, while
        // OpenApi:Key or PublicApiSettings.Key only end in the words of one.
        var name = section + "_" + leaf;
        var words = IdentifierWords.Split(name);
        return TermLengthAt(words, 0) >= IdentifierWords.Split(section).Count + 1 && IsSecretName(name);
    }

    /// <summary>Last words of a settings type's name (<c>PleoOptions</c>, <c>PleoSettings</c>, <c>PleoConfig</c>): the type binds the section before them.</summary>
    private static readonly string[] SettingsHeads = { "Options", "Settings", "Config", "Configuration" };

    /// <summary>The section a settings type binds, by its name (<c>Pleo</c> for <c>PleoOptions</c>); otherwise null.</summary>
    public static string? SettingsSection(string typeName)
    {
        foreach (var head in SettingsHeads)
        {
            if (typeName.Length > head.Length && typeName.EndsWith(head, StringComparison.Ordinal))
            {
                return typeName.Substring(0, typeName.Length - head.Length);
            }
        }

        return null;
    }

    private bool PhraseVetoAt(IReadOnlyList<string> words, int index)
    {
        foreach (var phrase in _phraseVetoes)
        {
            if (index + phrase.Length <= words.Count && SameWords(words, index, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameWords(IReadOnlyList<string> words, int index, string[] phrase)
    {
        for (var offset = 0; offset < phrase.Length; offset++)
        {
            if (!string.Equals(words[index + offset], phrase[offset], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many words of the longest secret term start at <paramref name="index"/>, or 0.</summary>
    private int TermLengthAt(IReadOnlyList<string> words, int index)
    {
        var best = 0;
        foreach (var term in _terms)
        {
            if (term.Length > best && index + term.Length <= words.Count && Matches(words, index, term))
            {
                best = term.Length;
            }
        }

        return best;
    }

    private static bool Matches(IReadOnlyList<string> words, int index, string[] term)
    {
        for (var offset = 0; offset < term.Length; offset++)
        {
            if (!SameWord(words[index + offset], term[offset]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Equal, or equal but for a plural s or trailing digits (<c>tokens</c>, <c>key2</c>).</summary>
    private static bool SameWord(string word, string termWord)
    {
        if (word == termWord)
        {
            return true;
        }

        if (!word.StartsWith(termWord, StringComparison.Ordinal))
        {
            return false;
        }

        for (var index = termWord.Length; index < word.Length; index++)
        {
            var character = word[index];
            var isPlural = index == termWord.Length && character == 's' && index == word.Length - 1;
            if (!isPlural && !char.IsDigit(character))
            {
                return false;
            }
        }

        return true;
    }
}
