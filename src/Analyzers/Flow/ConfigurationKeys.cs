using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// <c>configuration["Pleo:ApiKey"]</c>, <c>GetValue&lt;string&gt;("Pleo:ApiKey")</c> and
/// <c>GetSection("Pleo:ApiKey").Value</c> read a secret: the last segment of the key names it. The configuration is
/// any of Microsoft.Extensions.Configuration's, or a Blazor WebAssembly host's.
/// </summary>
internal static class ConfigurationKeys
{
    private const string Namespace = "Microsoft.Extensions.Configuration";

    /// <summary>The configuration key when the indexer reads a secret setting; otherwise null.</summary>
    public static string? IsSecretLookup(IPropertyReferenceOperation indexer, SecretNameMatcher names)
    {
        if (indexer.Arguments.Length != 1 || !IsConfiguration(indexer.Property.ContainingType))
        {
            return null;
        }

        return SecretKey(indexer.Arguments[0].Value, names);
    }

    /// <summary>
    /// The configuration key when the call reads a secret setting (<c>GetValue&lt;T&gt;</c>), or the section that
    /// holds one (<c>GetSection</c>, <c>GetRequiredSection</c>, whose <c>Value</c> is the setting); otherwise null.
    /// </summary>
    public static string? IsSecretRead(IInvocationOperation invocation, SecretNameMatcher names)
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

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "key")
            {
                return SecretKey(argument.Value, names);
            }
        }

        return null;
    }

    /// <summary>A section's <c>Value</c>: the setting the section holds (its <c>Key</c> and <c>Path</c> are only names).</summary>
    public static bool IsSectionValue(IPropertyReferenceOperation property) =>
        property.Property.Name == "Value" && IsConfiguration(property.Property.ContainingType);

    private static string? SecretKey(IOperation keyArgument, SecretNameMatcher names)
    {
        if (keyArgument.ConstantValue is not { HasValue: true, Value: string key })
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
        && ((type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "ConfigurationSection"
                && FlowTypes.IsNamespace(ns, Namespace))
            // WebAssemblyHostBuilder.Configuration: a Blazor WebAssembly app's builder.Configuration["Pleo:ApiKey"] is
            // this class's own indexer, not IConfiguration's.
            || (type.Name == "WebAssemblyHostConfiguration" && FlowTypes.IsNamespace(ns, "Microsoft.AspNetCore.Components.WebAssembly.Hosting")));
}
