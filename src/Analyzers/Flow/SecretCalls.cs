using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// Library calls whose result is a secret whatever it is called: the plaintext the Data Protection API unprotects
/// (<c>protector.Unprotect(stored)</c>), and an environment variable that would be a secret as a configuration key
/// (<c>Environment.GetEnvironmentVariable("PLEO_API_KEY")</c>).
/// </summary>
internal static class SecretCalls
{
    private const string DataProtection = "Microsoft.AspNetCore.DataProtection";

    /// <summary>The name a message gives the secret the call returns, or null when it returns none.</summary>
    /// <remarks>Asked of every call a body makes: the method's name rules out nearly all of them.</remarks>
    public static string? Returns(IInvocationOperation invocation, SecretModel model)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Unprotect" or "DangerousUnprotect":
                return IsDataProtection((method.ReducedFrom ?? method).ContainingType) ? method.Name + "()" : null;
            case "GetEnvironmentVariable":
                return ConfigurationKeys.IsSecretEnvironmentVariable(invocation, model);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>IDataProtector</c>, <c>ITimeLimitedDataProtector</c>, <c>IPersistedDataProtector</c>, their extension classes
    /// (<c>DataProtectionCommonExtensions</c>, <c>DataProtectionAdvancedExtensions</c>), or a class of the project's
    /// that implements <c>IDataProtector</c>. <c>Protect</c> is a sanitizer by its name.
    /// </summary>
    private static bool IsDataProtection(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (FlowTypes.IsNamespace(type.ContainingNamespace, DataProtection))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (FlowTypes.IsNamed(implemented, "IDataProtector", DataProtection))
            {
                return true;
            }
        }

        return false;
    }
}
