using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PleoUxGuard.Analyzers;

namespace PleoUxGuard.CodeFixes.Rules;

/// <summary>PUX011: replaces a message that gives no next step with a catalogue message.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoRecoveryActionCodeFix))]
[Shared]
public sealed class NoRecoveryActionCodeFix : CatalogueMessageCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NoRecoveryAction);
}
