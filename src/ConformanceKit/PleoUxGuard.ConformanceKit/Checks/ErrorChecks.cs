using System.Text.RegularExpressions;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.FakePleo;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>
/// R-ERR-1 to R-ERR-6: what the page says when a key fails. Messages are judged with the shared message
/// catalogue (generic phrases, jargon, recovery cues), the same lists the analyzer uses.
/// </summary>
public static partial class ErrorChecks
{
    /// <summary>Problems that make a message useless to the user, or none.</summary>
    public static IReadOnlyList<string> SpecificityProblems(string message)
    {
        var problems = new List<string>();
        if (MessageCatalogue.Normalize(message).Length == 0)
        {
            problems.Add("no message is shown");
            return problems;
        }

        if (MessageCatalogue.IsGeneric(message))
        {
            problems.Add("the message is generic");
        }

        if (MessageCatalogue.FindJargon(message) is { } jargon)
        {
            problems.Add($"the message uses the technical term \"{jargon}\"");
        }

        return problems;
    }

    /// <summary>R-ERR-1: specific, jargon-free, and says the key is what failed.</summary>
    public static async Task JudgeInvalidKeyMessageAsync(FlowContext context, ShownMessage message)
    {
        var problems = SpecificityProblems(message.Text).ToList();
        if (problems.Count == 0 && !SaysKeyFailed(message.Text))
        {
            problems.Add("the message does not say that the API key is what failed");
        }

        await JudgeProblemsAsync(context, CheckCatalogue.Err1, problems, "The invalid-key message says what failed, without jargon.", message);
    }

    /// <summary>
    /// R-ERR-2: a key short of a permission gets a message about permissions, not generic, no jargon; when the page
    /// also showed an invalid-key message (<paramref name="invalidKeyMessage"/>), a different one.
    /// </summary>
    public static async Task JudgeMissingPermissionMessageAsync(FlowContext context, ShownMessage message, ShownMessage? invalidKeyMessage)
    {
        var problems = SpecificityProblems(message.Text).ToList();
        if (problems.Count == 0 && !PermissionCue().IsMatch(message.Text))
        {
            problems.Add("the message does not mention permissions");
        }

        // "Restore access" reads as a permission cue; a key that lost a permission still works for what it may do.
        if (RevocationCue().IsMatch(message.Text))
        {
            problems.Add("the message says the key was revoked or has expired, not that it lacks a permission");
        }

        if (invalidKeyMessage is not null && MessageCatalogue.Normalize(message.Text) == MessageCatalogue.Normalize(invalidKeyMessage.Text))
        {
            problems.Add("the message is the same as for an invalid key");
        }

        var passed = invalidKeyMessage is null ? "The message about the lost permission is about permissions." : "The missing-permission message is its own and about permissions.";
        await JudgeProblemsAsync(context, CheckCatalogue.Err2, problems, passed, message);
    }

    /// <summary>R-ERR-3: the message offers a next step.</summary>
    public static async Task JudgeRecoveryOfferedAsync(FlowContext context, ShownMessage message, string situation)
    {
        var offered = MessageCatalogue.HasRecoveryCue(message.Text);
        await context.JudgeAsync(
            CheckCatalogue.Err3,
            offered,
            offered ? $"The {situation} message offers a next step." : message.Detail($"The {situation} message offers no next step (check, paste, update, replace, reinstall, try again…)."),
            message.Found);
    }

    /// <summary>R-ERR-4: after a failed activation, no Connected and no company id.</summary>
    public static async Task JudgeNotActiveAsync(FlowContext context, StateSnapshot outcome, MintedKey key)
    {
        var problems = new List<string>();
        if (outcome.Labels.Contains(ConnectionState.Connected))
        {
            problems.Add($"the status shows {context.Labels.NameOf(ConnectionState.Connected)}");
        }

        if (await context.CompanyIdShownAsync(key.CompanyId, TimeSpan.FromMilliseconds(200)))
        {
            problems.Add("the company id is shown");
        }

        await JudgeProblemsAsync(context, CheckCatalogue.Err4, problems, "The failed key did not make the integration active.", outcome.Text);
    }

    /// <summary>
    /// R-ERR-6 first half: while Pleo is down the message says it is temporary, offers a retry and does
    /// not blame the key. Returns the problems found (the flow adds the retry half).
    /// </summary>
    public static List<string> OutageMessageProblems(string message, StateSnapshot outcome)
    {
        var problems = new List<string>();
        if (MessageCatalogue.Normalize(message).Length == 0)
        {
            problems.Add("no message is shown");
            return problems;
        }

        if (outcome.Labels.Contains(ConnectionState.Connected))
        {
            problems.Add("the status shows Connected although Pleo could not confirm the key");
        }

        if (BlamesKey().IsMatch(PlainApostrophes(message)) || MessageCatalogue.Normalize(message) == MessageCatalogue.Normalize(MessageCatalogue.InvalidKey))
        {
            problems.Add("the message blames the key");
        }

        if (!TemporaryCue().IsMatch(PlainApostrophes(message)))
        {
            problems.Add("the message does not say the problem is temporary");
        }

        if (!RetryCue().IsMatch(PlainApostrophes(message)))
        {
            problems.Add("the message offers no retry");
        }

        return problems;
    }

    /// <summary>Records one observation listing every problem found in a message, or a pass; a failure says when the status text was judged.</summary>
    public static Task JudgeProblemsAsync(FlowContext context, CheckDefinition check, IReadOnlyList<string> problems, string passDetail, ShownMessage message) =>
        context.JudgeAsync(check, problems.Count == 0, problems.Count == 0 ? passDetail : message.Detail(ProblemsDetail(problems)), message.Found);

    /// <summary>Records one observation listing every problem found, or a pass.</summary>
    public static Task JudgeProblemsAsync(FlowContext context, CheckDefinition check, IReadOnlyList<string> problems, string passDetail, string found) =>
        context.JudgeAsync(
            check,
            problems.Count == 0,
            problems.Count == 0 ? passDetail : ProblemsDetail(problems),
            found);

    private static string ProblemsDetail(IReadOnlyList<string> problems) => char.ToUpperInvariant(problems[0][0]) + string.Join("; ", problems)[1..] + ".";

    /// <summary>
    /// The message says the key is what failed: a word of the catalogue's <see cref="MessageCatalogue.KeyRejectionCues"/>
    /// after "key" or shortly before it ("Pleo did not recognise this API key"), in any case and with typographic
    /// apostrophes ("didn’t").
    /// </summary>
    public static bool SaysKeyFailed(string message) => KeyRejection.IsMatch(MessageCatalogue.Normalize(message));

    /// <summary>The cues are written with a plain apostrophe; pages often use the typographic one ("couldn’t").</summary>
    public static string PlainApostrophes(string text) => text.Replace('\u2019', '\'');

    private static readonly Regex KeyRejection = BuildKeyRejection();

    private static Regex BuildKeyRejection()
    {
        var cues = string.Join("|", MessageCatalogue.KeyRejectionCues.Select(Regex.Escape));
        return new Regex($@"\bkey\b.{{0,80}}\b(?:{cues})\b|\b(?:{cues})\b.{{0,40}}\bkey\b", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    [GeneratedRegex(@"\bpermission|\baccess\b|\bapprov|\ballowed\b|\brights\b", RegexOptions.IgnoreCase)]
    private static partial Regex PermissionCue();

    [GeneratedRegex(@"\b(revoked|expired)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RevocationCue();

    [GeneratedRegex(@"\b(invalid|incorrect|wrong key|not recogni[sz]ed|revoked|expired|does not have the permissions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlamesKey();

    [GeneratedRegex(@"temporar|\bjust now\b|\bat the moment\b|\bright now\b|\bmoment\b|\bfew minutes\b|\blater\b|\bunavailable\b|could not be reached|couldn't be reached|cannot reach|can't reach|could not reach|not reachable|\bis down\b|has not been changed|\bunchanged\b", RegexOptions.IgnoreCase)]
    private static partial Regex TemporaryCue();

    [GeneratedRegex(@"\btry again\b|\bretry\b|\btry later\b|\brefresh\b", RegexOptions.IgnoreCase)]
    private static partial Regex RetryCue();
}
