using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PleoUxGuard.Analyzers;

namespace PleoUxGuard.CodeFixes.Rules;

/// <summary>PUX010: replaces the generic message with a catalogue message.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenericErrorMessageCodeFix))]
[Shared]
public sealed class GenericErrorMessageCodeFix : CatalogueMessageCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GenericErrorMessage);
}
