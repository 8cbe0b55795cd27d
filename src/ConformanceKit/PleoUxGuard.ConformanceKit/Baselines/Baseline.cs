using System.Text.Json;
using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Flows;

namespace PleoUxGuard.ConformanceKit.Baselines;

/// <summary>
/// The expected-failures file: known failures that do not fail the run. It cannot rot: an entry that no
/// longer fails, or matches no look of its check, fails the run (see <see cref="BaselineJudgement"/>).
/// </summary>
public sealed class Baseline
{
    public const string EntriesField = "expectedFailures";

    public Baseline(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>Reads and validates a baseline file.</summary>
    /// <exception cref="BaselineException">Unreadable, not JSON, or an entry names no check or flow; one line.</exception>
    public static Baseline Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"{path}: cannot read the baseline file ({problem.Message}); check --baseline.", problem);
        }

        return Parse(json, path);
    }

    /// <summary>Parses baseline JSON; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="BaselineException">Not JSON, or an entry is invalid; one line naming the field.</exception>
    public static Baseline Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException problem)
        {
            var where = problem.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw new BaselineException($"{source}: not valid JSON{where}; a baseline is {{ \"{EntriesField}\": [ {{ \"check\": \"UXK-…\", \"flow\": \"…\", \"reason\": \"…\" }} ] }}.", problem);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(EntriesField, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new BaselineException($"{source}: expected an object with an array '{EntriesField}'.");
            }

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                entries.Add(ReadEntry(item, $"{source}: {EntriesField}[{index++}]"));
            }

            return new Baseline(entries);
        }
    }

    private static BaselineEntry ReadEntry(JsonElement item, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new BaselineException($"{where}: expected an object with 'check', optional 'flow' and 'step', and 'reason'.");
        }

        foreach (var property in item.EnumerateObject().Where(p => p.Name is not ("check" or "flow" or "step" or "reason")))
        {
            throw new BaselineException($"{where}: unknown field '{property.Name}'; an entry has 'check', 'flow', 'step' and 'reason'.");
        }

        var checkId = Text(item, "check", where, required: true)!;
        var check = CheckCatalogue.Find(checkId)
            ?? throw new BaselineException($"{where}.check: '{checkId}' is not a check; checks are {string.Join(", ", CheckCatalogue.All.Select(c => c.Id))}.");
        var flowId = Text(item, "flow", where, required: false);
        if (flowId is not null)
        {
            var flow = FlowCatalogue.All.FirstOrDefault(f => f.Id == flowId)
                ?? throw new BaselineException($"{where}.flow: '{flowId}' is not a flow; flows are {string.Join(", ", FlowCatalogue.All.Select(f => f.Id))}.");
            if (!flow.Records(check.Id))
            {
                var judging = FlowCatalogue.Recording(check.Id).Select(f => f.Id);
                throw new BaselineException($"{where}: flow '{flowId}' does not judge {check.Id}; flows that do: {string.Join(", ", judging)}.");
            }
        }

        var step = Text(item, "step", where, required: false);
        var reason = Text(item, "reason", where, required: true)!;
        return new BaselineEntry(check.Id, flowId, step, reason);
    }

    private static string? Text(JsonElement item, string name, string where, bool required)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new BaselineException($"{where}: '{name}' is missing{(name == "reason" ? "; say why this failure is accepted (a ticket, a date)" : string.Empty)}.") : null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new BaselineException($"{where}.{name}: expected a non-empty string.");
        }

        return value.GetString()!.Trim();
    }
}
