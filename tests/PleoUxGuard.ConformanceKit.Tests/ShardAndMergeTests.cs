using PleoUxGuard.ConformanceKit.Checks;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Reporting;
using PleoUxGuard.ConformanceKit.Running;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class ShardAndMergeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(12)]
    public void Shards_split_the_flows_without_gap_or_overlap(int count)
    {
        var parts = Enumerable.Range(1, count).Select(index => new Shard(index, count).Apply(FlowCatalogue.All)).ToList();

        Assert.Equal(FlowCatalogue.All.Select(f => f.Id).Order(), parts.SelectMany(p => p).Select(f => f.Id).Order());
        Assert.True(parts.Max(p => p.Count) - parts.Min(p => p.Count) <= 1, "shards differ by at most one flow");
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void A_bad_shard_says_how_to_write_one(string text) =>
        Assert.Contains("--shard 2/3", Assert.Throws<ArgumentException>(() => Shard.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Results_read_back_from_json_judge_the_same_and_keep_their_evidence_paths()
    {
        var fail = new CheckObservation(CheckCatalogue.Err1.Id, "invalid-key", "clicked Connect", Outcome.Fail, "generic", new Evidence("Error", "screenshots/a.png", ["line"], "http://x/"));
        var skip = new CheckObservation(CheckCatalogue.Save2.Id, "slow-validation", "start", Outcome.Skip, "stopped");
        var original = RunResult.From(
            "r9",
            "it",
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromSeconds(3),
            [
                new FlowResult("invalid-key", "t", FlowStatus.Completed, TimeSpan.FromSeconds(1), [new FlowStep("clicked Connect", TimeSpan.FromSeconds(1), "Connection failed", "screenshots/invalid-key-step-1.jpg")], [fail], Trace: "traces/invalid-key.zip"),
                new FlowResult("slow-validation", "t", FlowStatus.Stopped, TimeSpan.FromSeconds(2), [], [skip], "it broke", "start", TimeSpan.FromSeconds(1)),
            ],
            [new RunProblem(ProblemKind.Profile, "slow-validation", "bad locator")]);

        var read = JsonReporter.Read(JsonReporter.Write(original), "results.json");

        Assert.Equal(original.Checks.Select(c => (c.Check.Id, c.Verdict)), read.Checks.Select(c => (c.Check.Id, c.Verdict)));
        Assert.Equal(original.ExitCode, read.ExitCode);
        Assert.Equal("traces/invalid-key.zip", read.Flows[0].Trace);
        Assert.Equal("screenshots/invalid-key-step-1.jpg", read.Flows[0].Steps[0].Screenshot);
        Assert.Equal(fail, read["UXK-ERR-1"].Observations.Single(), new ObservationComparer());
        Assert.Equal("it broke", read.Flows[1].StopReason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{ \"schemaVersion\": 2 }")]
    [InlineData("not json")]
    public void A_file_that_is_not_a_results_file_is_named(string json) =>
        Assert.StartsWith("x.json: not a pleo-uxguard results.json", Assert.Throws<InvalidDataException>(() => JsonReporter.Read(json, "x.json")).Message, StringComparison.Ordinal);

    private sealed class ObservationComparer : IEqualityComparer<CheckObservation>
    {
        public bool Equals(CheckObservation? x, CheckObservation? y) =>
            x is not null && y is not null && x with { Evidence = null } == y with { Evidence = null }
            && x.Evidence!.Found == y.Evidence!.Found && x.Evidence.Screenshot == y.Evidence.Screenshot
            && x.Evidence.JournalLines!.SequenceEqual(y.Evidence.JournalLines!) && x.Evidence.Url == y.Evidence.Url;

        public int GetHashCode(CheckObservation obj) => obj.CheckId.GetHashCode(StringComparison.Ordinal);
    }
}
