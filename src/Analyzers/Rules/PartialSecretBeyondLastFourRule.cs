using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX005: a slice of a secret other than at most its last 4 characters reaches any sink of PUX001–PUX007
/// (R-VIS-2). The site is reported once, as PUX005: the whole-secret rules report whole secrets only.
/// </summary>
internal static class PartialSecretBeyondLastFourRule
{
    // In a .cshtml page, where PUX004 and PUX007 judge a whole secret (the page's markup and its scripts), a slice is judged too.
    public static SecretSinkRule Rule { get; } = new(
        Descriptors.PartialSecretBeyondLastFour, SinkKindSet.All, partial: true);
}
