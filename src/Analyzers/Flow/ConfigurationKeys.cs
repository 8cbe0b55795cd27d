using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary><c>configuration["Pleo:ApiKey"]</c> reads a secret: the last segment of the key names it.</summary>
internal static class ConfigurationKeys
{
    /// <summary>The configuration key when the indexer reads a secret setting; otherwise null.</summary>
    public static string? IsSecretLookup(IPropertyReferenceOperation indexer, SecretNameMatcher names)
    {
        if (indexer.Arguments.Length != 1
            || indexer.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string key }
            || !IsConfiguration(indexer.Property.ContainingType))
        {
            return null;
        }

        var colon = key.LastIndexOf(':');
        var underscores = key.LastIndexOf("__", System.StringComparison.Ordinal);
        var start = System.Math.Max(colon + 1, underscores < 0 ? 0 : underscores + 2);
        var last = key.Substring(start);
        return names.IsSecretName(last) ? key : null;
    }

    private static bool IsConfiguration(INamedTypeSymbol type) =>
        type.ContainingNamespace is { } ns
        && FlowTypes.IsNamespace(ns, "Microsoft.Extensions.Configuration")
        && type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager";
}
