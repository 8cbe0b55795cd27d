using PleoUxGuard.Analyzers.Messages;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX011: in connection code, a user-facing message that reports a failure but offers no next step
/// (check, try again, re-enter, paste, reconnect, contact…). Generic messages are PUX010's. A problem response's
/// title and detail are judged together: either may give the next step.
/// </summary>
internal static class NoRecoveryActionRule
{
    public static MessageQualityRule Rule { get; } = new(Descriptors.NoRecoveryAction, needsResources: true, Judge);

    private static void Judge(MessageUse use)
    {
        if (use.Sink.Kind is UserMessageSinkKind.ExceptionMessage or UserMessageSinkKind.ResponseData)
        {
            return;
        }

        foreach (var piece in use.Pieces)
        {
            // A part known only at run time may itself be the next step. The text first: the scope needs a look around the code.
            if (piece.HasUnknownText
                || !MessageCatalogue.ReportsFailure(piece.Text)
                || MessageCatalogue.HasRecoveryCue(piece.Text, use.Settings.RecoveryCues)
                || piece.IsGeneric(use.Settings.GenericPhrases))
            {
                continue;
            }

            if (!use.Scope.IsConnectionCode)
            {
                return;
            }

            // A title and its detail are one message: a short title may leave the next step to the detail.
            if (use.Partner is { } partner && partner.MayGiveNextStep(use.Settings.RecoveryCues))
            {
                continue;
            }

            var kind = use.KindFor(piece);
            use.Report(Descriptors.NoRecoveryAction, piece.Operation, piece.Operation, kind, fixable: !piece.FromResource, piece.Text, use.Sink.SinkName, MessageUse.KindSuffix(kind));
        }
    }
}
