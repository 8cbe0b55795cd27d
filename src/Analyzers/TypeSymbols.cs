using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers;

/// <summary>Type relations the rules ask about, tolerant of a library the compilation does not reference.</summary>
internal static class TypeSymbols
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it; false when either is absent.</summary>
    public static bool DerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
