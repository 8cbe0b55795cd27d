using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// Library calls whose result is a secret whatever it is called: the plaintext the Data Protection API unprotects
/// when what was protected is a secret (<c>protector.Unprotect(row.EncryptedApiKey)</c>, a protector created for
/// <c>"Pleo.ApiKey"</c>), an environment variable that would be a secret as a configuration key
/// (<c>Environment.GetEnvironmentVariable("PLEO_API_KEY")</c>), a token the sign-in saved
/// (<c>GetTokenAsync("access_token")</c>), an Authorization header a token provider creates
/// (<c>CreateAuthorizationHeaderForUserAsync</c>), the value of a command-line option named for a secret
/// (<c>parseResult.GetValue(apiKeyOption)</c>), and the configuration's debug view and listings, which hold every setting's value.
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
                return IsDataProtection((method.ReducedFrom ?? method).ContainingType)
                    ? UnprotectsSecret(invocation, model) ? method.Name + "()" : null
                    : DecryptsSecret(invocation, model);
            case "GetEnvironmentVariable":
                return ConfigurationKeys.IsSecretEnvironmentVariable(invocation, model);
            case "GetValue" or "GetValueForOption" or "GetRequiredValue":
                return CommandLineOptions.SecretValueRead(invocation, model);
            case "GetTokenValue" or "GetTokenAsync":
                return SavedToken(invocation, model);
            case "CreateAuthorizationHeaderForUserAsync" or "CreateAuthorizationHeaderForAppAsync" or "CreateAuthorizationHeaderAsync":
                // Microsoft.Identity.Web's IAuthorizationHeaderProvider: "Bearer " and the access token it acquired.
                return FlowTypes.IsNamespace(method.ContainingType.ContainingNamespace, "Microsoft.Identity.Abstractions") ? method.Name + "()" : null;
            case "GetDebugView":
                // configuration.GetDebugView(): every setting with its value, the secret ones among them.
                return FlowTypes.IsNamespace((method.ReducedFrom ?? method).ContainingType.ContainingNamespace, "Microsoft.Extensions.Configuration")
                    ? "GetDebugView()"
                    : null;
            case "GetEnvironmentVariables":
                // Every environment variable with its value (a debug endpoint's dump); one read by name is judged by it.
                return ConfigurationKeys.IsEnvironmentListing(invocation) ? "GetEnvironmentVariables()" : null;
            case "AsEnumerable" or "GetChildren":
                // foreach (var (key, value) in configuration.AsEnumerable()): every setting, the secret ones among them.
                return ConfigurationKeys.ListsSecretSettings(invocation, model) ? method.Name + "()" : null;
            default:
                return model.UndoesProtection(method.Name) ? DecryptsSecret(invocation, model) : null;
        }
    }

    /// <summary>
    /// Any other method named to undo a protection (<c>keyProtector.Unprotect(row.EncryptedApiKey)</c> of the project's own
    /// wrapper, <c>crypto.DecryptString(protectedApiKey)</c>, <c>Reveal</c>, <c>Unmask</c>): its result is the secret when
    /// what it is given is named for one once its protection words are disregarded, as Data Protection's is.
    /// </summary>
    private static string? DecryptsSecret(IInvocationOperation invocation, SecretModel model)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && NamesSecret(argument.Value, model, 0))
            {
                return invocation.TargetMethod.Name + "()";
            }
        }

        return null;
    }

    /// <summary>
    /// The token's name when <c>properties.GetTokenValue("access_token")</c> or <c>HttpContext.GetTokenAsync("refresh_token")</c>
    /// reads a token the sign-in saved (the method's name when the token's is known only at run time); null for one
    /// whose name is no secret's (<c>expires_at</c>, <c>token_type</c>).
    /// </summary>
    private static string? SavedToken(IInvocationOperation invocation, SecretModel model)
    {
        if (!ReadsSavedToken(invocation.TargetMethod) || invocation.ArgumentFor("tokenName") is not { } tokenName)
        {
            return null;
        }

        // A name known only at run time (a loop over the tokens) may be any of them.
        return tokenName.ConstantValue is { HasValue: true, Value: string name }
            ? model.Names.IsSecretName(name) ? name : null
            : invocation.TargetMethod.Name + "()";
    }

    /// <summary>
    /// Whether the method reads a saved token by its name, so that its argument, not the method's own name (a token
    /// getter's), says whether what it returns is a secret.
    /// </summary>
    public static bool ReadsSavedToken(ISymbol symbol) =>
        symbol is IMethodSymbol { Name: "GetTokenValue" or "GetTokenAsync" } method
        && FlowTypes.IsNamespace((method.ReducedFrom ?? method).ContainingType.ContainingNamespace, "Microsoft.AspNetCore.Authentication");

    private const int MaxCallDepth = 3;

    /// <summary>
    /// Whether what is unprotected was a secret. Data Protection guards ids and OAuth state as often as keys, so the
    /// plaintext is a secret only when the protected value is named for one once its protection words are disregarded
    /// (<c>row.EncryptedApiKey</c>, <c>protectedApiKey</c>, through <c>Convert.FromBase64String(…)</c> or
    /// <c>protector.Protect(apiKey)</c>), or the protector was created for a purpose that names one
    /// (<c>CreateProtector("Pleo.ApiKey")</c> initializing the local, field or property it is read from).
    /// </summary>
    private static bool UnprotectsSecret(IInvocationOperation invocation, SecretModel model)
    {
        var protector = invocation.Instance;
        if (protector is null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            protector = invocation.Arguments[0].Value;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (!ReferenceEquals(argument.Value, protector))
            {
                if (NamesSecret(argument.Value, model, 0))
                {
                    return true;
                }

                break;
            }
        }

        return protector is not null && PurposeNamesSecret(protector.WithoutConversions(), model);
    }

    private static bool NamesSecret(IOperation value, SecretModel model, int depth)
    {
        var name = value.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            // Protect(apiKey), Convert.FromBase64String(stored), Encoding.UTF8.GetBytes(stored): the value passed on.
            IInvocationOperation { Arguments.Length: > 0 } call when depth < MaxCallDepth =>
                NamesSecret(call.Arguments[call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 1 ? 1 : 0].Value, model, depth + 1) ? string.Empty : null,
            _ => null,
        };

        return name is not null && (name.Length == 0 || model.Names.NamesProtectedSecret(name));
    }

    // By syntax only: the protector's own initializer (var protector = provider.CreateProtector("Pleo.ApiKey")), or for
    // a field or property, what its type's constructors assign it (the usual style with dependency injection).
    private static bool PurposeNamesSecret(IOperation protector, SecretModel model)
    {
        var symbol = protector switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var initializer = symbol.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax declaration => declaration.Initializer?.Value,
            _ => null,
        };
        if (CreatesSecretProtector(initializer, model))
        {
            return true;
        }

        if (symbol.Kind == SymbolKind.Local || symbol.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var part in type.DeclaringSyntaxReferences)
        {
            if (part.GetSyntax() is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                if (member is not ConstructorDeclarationSyntax constructor)
                {
                    continue;
                }

                foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (AssignedName(assignment.Left) == symbol.Name && CreatesSecretProtector(assignment.Right, model))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static string? AssignedName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: { } name } => name.Identifier.ValueText,
        _ => null,
    };

    private static bool CreatesSecretProtector(ExpressionSyntax? value, SecretModel model)
    {
        for (var current = value; current is InvocationExpressionSyntax call; current = (call.Expression as MemberAccessExpressionSyntax)?.Expression)
        {
            if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateProtector" })
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (argument.Expression is LiteralExpressionSyntax literal && literal.Token.Value is string purpose
                        && model.Names.NamesProtectedSecret(purpose))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
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
