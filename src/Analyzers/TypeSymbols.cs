using System.Collections.Immutable;
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

        if (ns is null)
        {
            return null;
        }

        // The namespace in hand holds the type if any assembly declares it: asking it consults only the
        // assemblies that have that namespace, where GetTypeByMetadataName probes every reference again, the
        // cost of a fresh compilation, which the IDE makes after every edit. Two declarations of one name are
        // left to GetTypeByMetadataName, which knows which one the compiler would pick.
        var name = TypeName(metadataName, typeStart + 1, outerTypeEnd, out var arity);
        if (arity < 0 || !TrySingle(ns.GetTypeMembers(name, arity), out var type))
        {
            return compilation.GetTypeByMetadataName(metadataName);
        }

        while (nested >= 0 && type is not null)
        {
            var start = nested + 1;
            nested = metadataName.IndexOf('+', start);
            name = TypeName(metadataName, start, nested < 0 ? metadataName.Length : nested, out arity);
            if (arity < 0 || !TrySingle(type.GetTypeMembers(name, arity), out type))
            {
                return compilation.GetTypeByMetadataName(metadataName);
            }
        }

        return type;
    }

    /// <summary>The one type of the list, or null for none; false when there are several.</summary>
    private static bool TrySingle(ImmutableArray<INamedTypeSymbol> types, out INamedTypeSymbol? type)
    {
        type = types.Length == 1 ? types[0] : null;
        return types.Length <= 1;
    }

    /// <summary>The name and arity of one type in a metadata name: <c>Dictionary`2</c> is Dictionary with 2; an arity that is no number is -1.</summary>
    private static string TypeName(string metadataName, int start, int end, out int arity)
    {
        var tick = metadataName.IndexOf('`', start, end - start);
        arity = tick < 0 ? 0 : int.TryParse(metadataName.Substring(tick + 1, end - tick - 1), out var parsed) ? parsed : -1;
        return metadataName.Substring(start, (tick >= 0 ? tick : end) - start);
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
    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> (a type resolved for this compilation, or null when it is not referenced).</summary>
    public static bool SameAs(this INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

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

    /// <summary>True when <paramref name="type"/> is the interface <paramref name="interfaceType"/> or implements it; false when either is absent.</summary>
    public static bool Implements(this ITypeSymbol? type, INamedTypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="symbol"/> carries an attribute of class <paramref name="attributeClass"/>; false when that class is absent.</summary>
    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return true;
            }
        }

        return false;
    }
}
