using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>One shipped rule as a user sees it in the rule tables.</summary>
internal sealed record Rule(DiagnosticDescriptor Descriptor, bool HasCodeFix)
{
    public string Id => Descriptor.Id;
}

/// <summary>
/// The rules the built assemblies really ship, read by reflection: every id some analyzer supports, its
/// descriptor, and whether a code-fix provider fixes it. The rule tables in the READMEs are checked against it.
/// </summary>
internal static class RuleCatalogue
{
    private static readonly Assembly AnalyzerAssembly = typeof(DiagnosticIds).Assembly;

    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } =
        AnalyzerAssembly.GetType("PleoUxGuard.Analyzers.Descriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<Rule> ShippedRules { get; } = ReadShippedRules();

    public static DiagnosticDescriptor Descriptor(string id) => AllDescriptors.Single(descriptor => descriptor.Id == id);

    private static List<Rule> ReadShippedRules()
    {
        var supported = Instances<DiagnosticAnalyzer>(AnalyzerAssembly)
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .ToHashSet();
        var fixable = Instances<CodeFixProvider>(Assembly.Load("PleoUxGuard.CodeFixes"))
            .SelectMany(provider => provider.FixableDiagnosticIds)
            .ToHashSet();
        return AllDescriptors
            .Where(descriptor => supported.Contains(descriptor.Id))
            .Select(descriptor => new Rule(descriptor, fixable.Contains(descriptor.Id)))
            .ToList();
    }

    private static IEnumerable<T> Instances<T>(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (T)Activator.CreateInstance(type)!);
}
