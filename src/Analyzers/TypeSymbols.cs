using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers;

/// <summary>Type relations the rules ask about, tolerant of a library the compilation does not reference.</summary>
internal static class TypeSymbols
{
    /// <summary>
    /// The type with this metadata name (<c>Namespace.Type`1</c>, <c>Namespace.Outer+Nested</c>), or null, as
    /// <see cref="Compilation.GetTypeByMetadataName"/> answers it; a name whose namespace the compilation does not
    /// have at all is answered null at once.
    /// </summary>
    /// <remarks>
    /// <c>GetTypeByMetadataName</c> looks the name up in every referenced assembly (a .NET project has over a
    /// hundred), and most sink types (ASP.NET Core, Serilog, NLog, log4net, Microsoft.Extensions.Compliance)
    /// live in namespaces a given project never references: those lookups were most of what resolving the sinks
    /// cost per compilation. A reference under an extern alias adds no namespace to the global one, and
    /// <c>GetTypeByMetadataName</c> does not look into it either.
    /// </remarks>
    public static INamedTypeSymbol? FindType(this Compilation compilation, string metadataName)
    {
        var nested = metadataName.IndexOf('+');
        var outerTypeEnd = nested < 0 ? metadataName.Length : nested;
        var typeStart = outerTypeEnd == 0 ? -1 : metadataName.LastIndexOf('.', outerTypeEnd - 1);
        var ns = compilation.GlobalNamespace;
        for (var start = 0; start < typeStart && ns is not null;)
        {
            var dot = metadataName.IndexOf('.', start);
            ns = ChildNamespace(ns, metadataName.Substring(start, dot - start));
            start = dot + 1;
        }

        return ns is null ? null : compilation.GetTypeByMetadataName(metadataName);
    }

    private static INamespaceSymbol? ChildNamespace(INamespaceSymbol parent, string name)
    {
        foreach (var member in parent.GetMembers(name))
        {
            if (member is INamespaceSymbol child)
            {
                return child;
            }
        }

        return null;
    }

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
