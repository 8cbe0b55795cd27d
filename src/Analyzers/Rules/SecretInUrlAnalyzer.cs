using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>PUX006: a secret is placed in a URL instead of the Authorization header (R-SEC-2).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInUrlAnalyzer : SecretSinkAnalyzer
{
    public SecretInUrlAnalyzer()
        : base(Descriptors.SecretInUrl, SinkKindSet.Of(SinkKind.Url), partial: false)
    {
    }
}
