using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PleoUxGuard.Analyzers;
using PleoUxGuard.CodeFixes.Secrets;

namespace PleoUxGuard.CodeFixes;

/// <summary>Fixes for PUX001 (SecretToLogRule): mask the secret to its last 4 characters, or remove it from the message.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretToLogCodeFix))]
[Shared]
public sealed class SecretToLogCodeFix : SecretLeakCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretToLog);
}
