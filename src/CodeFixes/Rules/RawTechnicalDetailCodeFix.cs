using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PleoUxGuard.Analyzers;

namespace PleoUxGuard.CodeFixes.Rules;

/// <summary>PUX012: replaces the raw technical detail (or the whole message around it) with a catalogue message.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawTechnicalDetailCodeFix))]
[Shared]
public sealed class RawTechnicalDetailCodeFix : CatalogueMessageCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RawTechnicalDetail);
}
