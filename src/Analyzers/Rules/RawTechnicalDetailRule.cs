using PleoUxGuard.Analyzers.Messages;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX012: raw technical detail reaches the user: exception text, stack traces, HTTP status codes and
/// reason phrases, response bodies (anywhere outside sign-in flows), and, in connection code, message
/// texts with jargon such as "401", "HTTP" or "JSON". Exception constructors are not sinks here: an
/// exception's text is for developers, and the place that shows it to a user is reported instead; except the errors
/// the framework sends to the caller itself (<see cref="UserMessageSinkKind.CallerError"/>).
/// </summary>
internal static class RawTechnicalDetailRule
{
    public static MessageQualityRule Rule { get; } = new(Descriptors.RawTechnicalDetail, needsResources: true, Judge);

    private static void Judge(MessageUse use)
    {
        if (use.Sink.Kind == UserMessageSinkKind.ExceptionMessage)
        {
            return;
        }

        var details = use.Rules.RawDetails.Find(use.Sink.Value);
        foreach (var detail in details)
        {
            var kind = use.KindFor(null);
            use.Report(Descriptors.RawTechnicalDetail, detail.Operation, use.Sink.Value, kind, fixable: true, detail.Description, use.Sink.SinkName, MessageUse.KindSuffix(kind));
        }

        if (details.Count > 0 || use.Sink.Kind == UserMessageSinkKind.ResponseData)
        {
            // Jargon in data ("HTTP", "401" as a value) is no message's.
            return;
        }

        foreach (var piece in use.Pieces)
        {
            if (piece.IsGeneric(use.Settings.GenericPhrases))
            {
                continue;
            }

            // The text first: jargon is rare, and the scope needs a look around the code (the names of the
            // method, its types and file), which cost more than all the rest of this rule when asked of every message.
            var jargon = MessageCatalogue.FindJargon(piece.Text, use.Settings.JargonTerms, use.Settings.AllowedJargonTerms);
            if (jargon is not null)
            {
                if (!use.Scope.IsConnectionCode)
                {
                    return;
                }

                var kind = use.KindFor(piece);
                use.Report(Descriptors.RawTechnicalDetail, piece.Operation, piece.Operation, kind, fixable: !piece.FromResource, "the jargon \"" + jargon + "\" in \"" + piece.Text + "\"", use.Sink.SinkName, MessageUse.KindSuffix(kind));
            }
        }
    }
}
