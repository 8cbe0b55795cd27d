using System;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>
/// One message-quality rule: its descriptor and how it judges one message reaching a user-facing sink. Each rule
/// is defined in its own file under <c>Rules/</c>; <see cref="Rules.MessageQualityAnalyzer"/> runs them all.
/// </summary>
internal sealed class MessageQualityRule
{
    /// <param name="needsResources">Resolve messages read from .resx resources (PUX010 judges the resource entries themselves instead).</param>
    public MessageQualityRule(DiagnosticDescriptor descriptor, bool needsResources, Action<MessageUse> judge)
    {
        Descriptor = descriptor;
        NeedsResources = needsResources;
        Judge = judge;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public bool NeedsResources { get; }

    public Action<MessageUse> Judge { get; }
}
