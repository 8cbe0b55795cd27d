using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers;

/// <summary>Recognises secrets by the words of a symbol's name.</summary>
internal static class SecretNames
{
    private static readonly string[] SecretWords = { "apikey", "secret", "token", "password" };

    /// <summary>The secret symbol an operand reads directly, or null.</summary>
    public static ISymbol? FindSecretReference(IOperation operation)
    {
        var value = operation;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        var symbol = value switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            _ => null,
        };

        return symbol is not null
            && value.Type?.SpecialType == SpecialType.System_String
            && IsSecretName(symbol.Name)
            ? symbol
            : null;
    }

    private static bool IsSecretName(string name)
    {
        var lowered = name.Replace("_", string.Empty).ToLowerInvariant();
        foreach (var word in SecretWords)
        {
            if (lowered.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
