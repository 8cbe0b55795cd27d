using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Messages;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX010: a user-facing error message that is only a generic phrase ("Authentication failed",
/// "Something went wrong"). Exceptions count in connection code only (unless
/// <c>pleouxguard.generic_messages_in_exceptions = false</c>); sign-in flows are left alone.
/// Generic entries of neutral-culture .resx AdditionalFiles are reported at the entry (not in test projects).
/// </summary>
internal static class GenericErrorMessageRule
{
    // Resource entries named like these are headings, buttons or state labels, not error messages.
    private static readonly NameMatcher NotMessageNames = new(new[] { "title", "heading", "header", "caption", "button", "label", "tooltip", "placeholder", "status", "state", "badge" });

    public static MessageQualityRule Rule { get; } = new(Descriptors.GenericErrorMessage, needsResources: false, Judge);

    private static void Judge(MessageUse use)
    {
        if (use.Sink.Kind == UserMessageSinkKind.ResponseData)
        {
            // Data, not a message: "error" or "failed" there is a value, not what the user reads.
            return;
        }

        var isException = use.Sink.Kind is UserMessageSinkKind.ExceptionMessage or UserMessageSinkKind.CallerError;
        if (isException && !use.Settings.GenericMessagesInExceptions)
        {
            return;
        }

        var connectionOnly = isException || use.Settings.GenericOnlyInConnectionCode;
        foreach (var piece in use.Pieces)
        {
            // The text first: most messages are not generic, and the scope needs a look around the code.
            if (piece.IsComplete && piece.IsGeneric(use.Settings.GenericPhrases))
            {
                if (connectionOnly && !use.Scope.IsConnectionCode)
                {
                    return;
                }

                // A generic title over a detail that says what failed (or a generic detail under such a title) is one message that does.
                if (use.Partner is { } partner && partner.MaySayWhatFailed(use.Settings.GenericPhrases))
                {
                    continue;
                }

                var kind = use.KindFor(piece);
                use.Report(Descriptors.GenericErrorMessage, piece.Operation, piece.Operation, kind, fixable: !piece.FromResource, piece.Text,
                    // An exception's message is not shown where it is given; PUX010.md says why it is judged there.
                    (use.Sink.IsReturned ? "returned by " : isException ? "given to " : "shown through ") + use.Sink.SinkName,
                    MessageCatalogue.DescribeGeneric(piece.Text),
                    MessageUse.KindSuffix(kind));
            }
        }
    }

    /// <summary>Generic entries of neutral-culture .resx AdditionalFiles, reported at the entry.</summary>
    public static void JudgeResources(AdditionalFileAnalysisContext context)
    {
        if (!ResourceTexts.IsNeutralResx(context.AdditionalFile.Path, out var fileName))
        {
            return;
        }

        var settings = new MessageSettings(PleoOptions.For(context.Compilation, context.Options).For(context.AdditionalFile));
        if (settings.SignInNames.Find(fileName) is not null)
        {
            return;
        }

        // A resource has no code around it to tell connection code by: in connection code only, its names tell.
        var connectionFile = settings.ConnectionNames.Find(fileName) is not null;
        foreach (var entry in ResourceTexts.ReadEntries(context.AdditionalFile, context.CancellationToken))
        {
            if (NotMessageNames.Find(entry.Name) is null
                && settings.SignInNames.Find(entry.Name) is null
                && (!settings.GenericOnlyInConnectionCode || connectionFile || settings.ConnectionNames.Find(entry.Name) is not null)
                && MessageCatalogue.IsGeneric(entry.Value, settings.GenericPhrases))
            {
                var kind = MessageCatalogue.GuessKind(entry.Value) ?? MessageCatalogue.GuessKind(string.Join(" ", IdentifierWords.Split(entry.Name)));
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.GenericErrorMessage,
                    entry.Location,
                    entry.Value,
                    "shown through the resource " + fileName + "." + entry.Name,
                    MessageCatalogue.DescribeGeneric(entry.Value),
                    MessageUse.KindSuffix(kind)));
            }
        }
    }
}
