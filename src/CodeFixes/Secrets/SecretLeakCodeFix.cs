using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.CodeFixes.Secrets;

/// <summary>"Mask to last 4 characters" and "Remove the secret from the message", for every rule whose diagnostic sits on the secret.</summary>
public abstract class SecretLeakCodeFix : SecretCodeFixProvider
{
    private protected override async Task<IReadOnlyList<(string Title, string Key)>> OffersAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var offers = new List<(string, string)>(2);
        if (await LocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
        {
            return offers;
        }

        if (IsMaskable(diagnostic) && MaskTargetOf(located, diagnostic, IsPartial(diagnostic)) is not null)
        {
            offers.Add((SecretFixes.MaskTitle, SecretFixes.MaskKey));
        }

        if (SecretFixes.Remove(located.Root, located.Node, located.Model) is not null)
        {
            offers.Add((SecretFixes.RemoveTitle, SecretFixes.RemoveKey));
        }

        return offers;
    }

    private static bool IsPartial(Diagnostic diagnostic) => diagnostic.Id == PleoUxGuard.Analyzers.DiagnosticIds.PartialSecretBeyondLastFour;

    /// <summary>A whole secret can always be masked; a part only where the analyzer saw it cut from the whole key.</summary>
    private static bool IsMaskable(Diagnostic diagnostic) =>
        !IsPartial(diagnostic) || diagnostic.Properties.ContainsKey(PleoUxGuard.Analyzers.Analysis.SecretSinkAnalysis.SliceOfWholeSecretProperty);

    private protected override async Task<(Document Document, bool NeedsMask)?> ApplyAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (await LocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
        {
            return null;
        }

        if (key == SecretFixes.MaskKey)
        {
            return IsMaskable(diagnostic) ? Mask(document, located, diagnostic, IsPartial(diagnostic)) : null;
        }

        return key == SecretFixes.RemoveKey && SecretFixes.Remove(located.Root, located.Node, located.Model) is { } removed
            ? (document.WithSyntaxRoot(removed), false)
            : null;
    }
}
