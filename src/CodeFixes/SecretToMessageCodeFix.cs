using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PleoUxGuard.Analyzers;
using PleoUxGuard.CodeFixes.Secrets;

namespace PleoUxGuard.CodeFixes;

/// <summary>Fixes for PUX002 (SecretToMessageRule): mask the secret to its last 4 characters, or remove it from the message.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretToMessageCodeFix))]
[Shared]
public sealed class SecretToMessageCodeFix : SecretLeakCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretToMessage);
}
