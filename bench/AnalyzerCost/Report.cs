using System.Globalization;
using System.Text;
using PleoUxGuard.AnalyzerCost.Builds;
using PleoUxGuard.AnalyzerCost.Corpus;
using PleoUxGuard.AnalyzerCost.InProcess;

namespace PleoUxGuard.AnalyzerCost;

/// <summary>The builds and replays of one corpus.</summary>
internal sealed record Suite(string Title, IReadOnlyList<ContenderRuns> Builds, IReadOnlyList<ReplayRuns> Replays, IReadOnlyList<OneThreadRuns> OneThread);

/// <summary>The results as ratios measured side by side in one run (docs/performance.md quotes them).</summary>
internal static class Report
{
    public const double ShareOfCompileTarget = 0.05;
    public const double ShareOfRoslynatorTarget = 0.2;

    public static string Markdown(
        GeneratedCorpus corpus, int rounds, IReadOnlyList<string> ourRules, IReadOnlyList<Suite> suites, InProcessResult? inProcess)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Generated corpus: {corpus.Lines:N0} lines in {corpus.Files} files, {corpus.KeyShare}% of its modules handling a Pleo key; {rounds} rounds; {Environment.ProcessorCount} cores; .NET SDK compiler, Release, shared compilation as the SDK chooses."));
        text.AppendLine($"PleoUxGuard rules present: {string.Join(", ", ourRules)}.");
        text.AppendLine();
        foreach (var suite in suites)
        {
            text.AppendLine($"### {suite.Title}");
            text.AppendLine();
            AppendBuilds(text, suite.Builds);
            AppendReplays(text, suite.Replays);
            AppendOneThread(text, suite.OneThread);
        }

        AppendInProcess(text, corpus, inProcess);
        return text.ToString();
    }

    /// <summary>Two builds' time in our method-body actions, round by round, and the second's time against the first's.</summary>
    public static string BodyByBody(IReadOnlyList<BodyByBodyRuns> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("| build | diagnostics | time in body actions, per round (ms) | median |");
        text.AppendLine("|---|---|---|---|");
        foreach (var run in runs)
        {
            text.AppendLine(Invariant($"| {run.Build} | {run.Diagnostics} | {string.Join(", ", run.Milliseconds.Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture)))} | {Statistics.Median(run.Milliseconds):0.0} |"));
        }

        var ratios = Enumerable.Range(0, runs[0].Milliseconds.Count).Select(round => runs[1].Milliseconds[round] / runs[0].Milliseconds[round]).Order().ToList();
        text.AppendLine();
        text.AppendLine(Invariant($"{runs[1].Build} / {runs[0].Build}: **{Statistics.Median(ratios):0.000}×** (median of {ratios.Count} rounds; lowest {ratios[0]:0.000}, highest {ratios[^1]:0.000})."));
        if (runs[0].Diagnostics != runs[1].Diagnostics)
        {
            text.AppendLine("The two builds report different numbers of diagnostics: they do different work, so the ratio compares more than speed.");
        }

        return text.ToString();
    }

    private static void AppendBuilds(StringBuilder text, IReadOnlyList<ContenderRuns> builds)
    {
        if (builds.Count > 0)
        {
            var baseline = builds.Single(run => run.Contender.IsBaseline);
            var ours = builds.Single(run => run.Contender.IsOurPackage);
            text.AppendLine("`dotnet build -p:ReportAnalyzer=true` (median over rounds of each round's ratio):");
            text.AppendLine();
            text.AppendLine("| package | its analyzer time / compile time of the compiler alone | added compile time (Csc task) | its analyzer time / PleoUxGuard's |");
            text.AppendLine("|---|---|---|---|");
            foreach (var run in builds.Where(run => !run.Contender.IsBaseline))
            {
                var share = PerRound(run, baseline, (report, base_) => report.SecondsFor(run.Contender) / base_.CscSeconds);
                var added = PerRound(run, baseline, (report, base_) => (report.CscSeconds / base_.CscSeconds) - 1);
                var relative = PerRound(run, ours, (report, our) => report.SecondsFor(run.Contender) / our.SecondsFor(ours.Contender));
                text.AppendLine(Invariant($"| {run.Contender.Name} | {share:P1} | {added:+0.0%;-0.0%} | {relative:0.0}× |"));
            }

            var failedPeers = builds.Where(run => run.Reports.Any(report => report.AnalyzerErrors > 0)).ToList();
            if (failedPeers.Count > 0)
            {
                text.AppendLine();
            }

            foreach (var run in failedPeers)
            {
                text.AppendLine(Invariant($"- {run.Contender.Name}: its own rules report {run.Reports.Max(report => report.AnalyzerErrors)} diagnostics at their default severity error here, so its builds fail after the analysis and skip emit: its added compile time is a lower bound (its analyzer time is complete)."));
            }

            var roslynator = builds.SingleOrDefault(run => run.Contender.PackageId == Contender.RoslynatorPackageId);
            var ourShare = PerRound(ours, baseline, (report, base_) => report.SecondsFor(ours.Contender) / base_.CscSeconds);
            text.AppendLine();
            text.AppendLine(Invariant($"- Target 1, PleoUxGuard analyzer time under {ShareOfCompileTarget:P0} of compile time: {ourShare:P1}, {(ourShare < ShareOfCompileTarget ? "met" : "NOT met")}."));
            if (builds.SingleOrDefault(run => run.Contender.IsOurSecretRules) is { } secretRules)
            {
                AppendSecretRulesBar(text, secretRules.Reports.Zip(baseline.Reports, (report, base_) => report.SecondsFor(secretRules.Contender) / base_.CscSeconds));
            }

            if (roslynator is not null)
            {
                var ofRoslynator = PerRound(ours, roslynator, (report, other) => report.SecondsFor(ours.Contender) / other.SecondsFor(roslynator.Contender));
                text.AppendLine(Invariant($"- Target 2, under {ShareOfRoslynatorTarget:0.0#} of Roslynator's analyzer time: {ofRoslynator:0.000}, {(ofRoslynator < ShareOfRoslynatorTarget ? "met" : "NOT met")}."));
            }

            text.AppendLine();
        }
    }

    private static void AppendReplays(StringBuilder text, IReadOnlyList<ReplayRuns> replays)
    {
        if (replays.Count > 0)
        {
            var baseline = replays.Single(run => run.Contender.IsBaseline);
            var ours = replays.Single(run => run.Contender.IsOurPackage);
            var replayRounds = ours.Reports.Count;
            text.AppendLine(Invariant($"One-thread replays of the recorded compiler command lines (`csc /parallel-`, {replayRounds} rounds; median of each round's ratio):"));
            text.AppendLine();
            text.AppendLine("| package | its analyzer time / the compiler alone's time | its analyzer time / PleoUxGuard's |");
            text.AppendLine("|---|---|---|");
            foreach (var run in replays.Where(run => !run.Contender.IsBaseline))
            {
                var share = PerRound(run.Reports, baseline.Reports, (report, base_) => report.SecondsFor(run.Contender) / base_.WallSeconds);
                var relative = PerRound(run.Reports, ours.Reports, (report, our) => report.SecondsFor(run.Contender) / our.SecondsFor(ours.Contender));
                text.AppendLine(Invariant($"| {run.Contender.Name} | {share:P1} | {relative:0.00}× |"));
            }

            var ourShare = PerRound(ours.Reports, baseline.Reports, (report, base_) => report.SecondsFor(ours.Contender) / base_.WallSeconds);
            text.AppendLine();
            text.AppendLine(Invariant($"- Target 1 (one thread): {ourShare:P1} of compile time, {(ourShare < ShareOfCompileTarget ? "met" : "NOT met")}."));
            if (replays.SingleOrDefault(run => run.Contender.IsOurSecretRules) is { } secretRules)
            {
                AppendSecretRulesBar(text, secretRules.Reports.Zip(baseline.Reports, (report, base_) => report.SecondsFor(secretRules.Contender) / base_.WallSeconds));
            }

            var roslynator = replays.SingleOrDefault(run => run.Contender.PackageId == Contender.RoslynatorPackageId);
            if (roslynator is not null)
            {
                var ofRoslynator = PerRound(ours.Reports, roslynator.Reports, (report, other) => report.SecondsFor(ours.Contender) / other.SecondsFor(roslynator.Contender));
                text.AppendLine(Invariant($"- Target 2 (one thread): {ofRoslynator:0.000} of Roslynator's analyzer time, {(ofRoslynator < ShareOfRoslynatorTarget ? "met" : "NOT met")}."));
            }

            AppendOneFileReplays(text, replays, ours, roslynator);
            text.AppendLine();
        }
    }

    /// <summary>What each compiler process costs an analyzer before the corpus's size matters (see <see cref="ReplayBench"/>).</summary>
    private static void AppendOneFileReplays(StringBuilder text, IReadOnlyList<ReplayRuns> replays, ReplayRuns ours, ReplayRuns? roslynator)
    {
        if (ours.OneFileReports.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(Invariant($"The same command lines with the sources replaced by one {ReplayBench.OneFile.Split('\n').Length}-line file (each compiler process loads and JIT-compiles the analyzers and resolves their symbols once; summed over the corpus's projects, one round at a time):"));
        text.AppendLine();
        text.AppendLine("| package | one-file analyzer time / its analyzer time on the corpus | one-file analyzer time / PleoUxGuard's |");
        text.AppendLine("|---|---|---|");
        foreach (var run in replays.Where(run => !run.Contender.IsBaseline))
        {
            var fixedShare = PerRound(run.OneFileReports, run.Reports, (one, corpus) => one.SecondsFor(run.Contender) / corpus.SecondsFor(run.Contender));
            var relative = PerRound(run.OneFileReports, ours.OneFileReports, (one, our) => one.SecondsFor(run.Contender) / our.SecondsFor(ours.Contender));
            text.AppendLine(Invariant($"| {run.Contender.Name} | {fixedShare:P1} | {relative:0.00}× |"));
        }

        if (roslynator is not null)
        {
            // Not a target figure: the targets are about the whole cost; this says how much of it grows with the code.
            var beyond = PerRound(
                ours.Reports.Zip(ours.OneFileReports, (corpus, one) => corpus.SecondsFor(ours.Contender) - one.SecondsFor(ours.Contender)),
                roslynator.Reports.Zip(roslynator.OneFileReports, (corpus, one) => corpus.SecondsFor(roslynator.Contender) - one.SecondsFor(roslynator.Contender)),
                (our, other) => our / other);
            text.AppendLine();
            text.AppendLine(Invariant($"- Beyond the one-file cost (corpus minus one file, per round): PleoUxGuard's analyzer time is {beyond:0.000} of Roslynator's. A decomposition, not a target figure."));
        }
    }

    private static void AppendOneThread(StringBuilder text, IReadOnlyList<OneThreadRuns> runs)
    {
        var ours = runs.SingleOrDefault(run => run.Contender.IsOurPackage);
        if (ours is null || ours.AnalyzerSeconds.Count == 0)
        {
            return;
        }

        text.AppendLine(Invariant($"The same command lines compiled and analysed in process on one thread (`CompilationWithAnalyzers`, concurrent analysis and build off, Roslyn {OneThreadReplayBench.HostRoslyn}; {ours.AnalyzerSeconds.Count} rounds; median of each round's ratio; see `OneThreadReplayBench`):"));
        text.AppendLine();
        text.AppendLine("| package | its analyzer time / the one-thread compile (rounds) | its analyzer time / PleoUxGuard's (rounds) | diagnostics reported |");
        text.AppendLine("|---|---|---|---|");
        foreach (var run in runs)
        {
            var share = run.AnalyzerSeconds.Zip(run.CompileSeconds, (analyzer, compile) => analyzer / compile).ToList();
            var relative = run.AnalyzerSeconds.Zip(ours.AnalyzerSeconds, (analyzer, our) => analyzer / our).ToList();
            text.AppendLine(Invariant($"| {run.Contender.Name} | {Statistics.Median(share):P1} ({Rounds(share, "P1")}) | {Statistics.Median(relative):0.00}× ({Rounds(relative, "0.00")}) | {run.Diagnostics.Max()} |"));
        }

        var ourShare = Statistics.Median(ours.AnalyzerSeconds.Zip(ours.CompileSeconds, (analyzer, compile) => analyzer / compile));
        text.AppendLine();
        text.AppendLine(Invariant($"- Target 1 (in process, one thread): {ourShare:P1} of the one-thread compile, {(ourShare < ShareOfCompileTarget ? "met" : "NOT met")}."));
        if (runs.SingleOrDefault(run => run.Contender.IsOurSecretRules) is { } secretRules)
        {
            AppendSecretRulesBar(text, secretRules.AnalyzerSeconds.Zip(secretRules.CompileSeconds, (analyzer, compile) => analyzer / compile));
        }

        var roslynator = runs.SingleOrDefault(run => run.Contender.PackageId == Contender.RoslynatorPackageId);
        if (roslynator is not null)
        {
            var ofRoslynator = ours.AnalyzerSeconds.Zip(roslynator.AnalyzerSeconds, (our, other) => our / other).ToList();
            var median = Statistics.Median(ofRoslynator);
            text.AppendLine(Invariant($"- Target 2 (in process, one thread): {median:0.000} of Roslynator's analyzer time ({Rounds(ofRoslynator, "0.000")}), {(median < ShareOfRoslynatorTarget ? "met" : "NOT met")}; {ofRoslynator.Count(ratio => ratio < ShareOfRoslynatorTarget)} of {ofRoslynator.Count} rounds under {ShareOfRoslynatorTarget:0.0#}."));
        }

        text.AppendLine();
    }

    /// <summary>
    /// The bar of the secret-leak issue: its rules (PUX000-PUX007, measured alone) under 5% of compile time. Every
    /// round is shown, and the bar counts as met only when every round is under it, not just the median.
    /// </summary>
    private static void AppendSecretRulesBar(StringBuilder text, IEnumerable<double> shares)
    {
        var rounds = shares.ToList();
        var median = Statistics.Median(rounds);
        var verdict = rounds.Max() < ShareOfCompileTarget ? "met in every round" : median < ShareOfCompileTarget ? "met by the median, NOT in every round" : "NOT met";
        text.AppendLine(Invariant($"- Secret-leak rules alone (PUX000-PUX007, the message rules off), under {ShareOfCompileTarget:P0} of compile time: {median:P1} (rounds {Rounds(rounds, "P1")}), {verdict}."));
    }

    private static string Rounds(IEnumerable<double> values, string format) =>
        string.Join(", ", values.Select(value => value.ToString(format, CultureInfo.InvariantCulture)));

    private static void AppendInProcess(StringBuilder text, GeneratedCorpus corpus, InProcessResult? inProcess)
    {
        if (inProcess is not null)
        {
            text.AppendLine(Invariant($"### In process, generated corpus: our rules through CompilationWithAnalyzers on Roslyn {OneThreadReplayBench.HostRoslyn} (median over rounds)"));
            text.AppendLine();
            text.AppendLine(Invariant($"- whole corpus: analyzer time / compile (binding) time {inProcess.CorpusAnalyzerToCompileTime:P1}"));
            text.AppendLine(Invariant($"- whole corpus: the same telemetry for an analyzer with empty actions of the same kinds / compile time {inProcess.CorpusEmptyAnalyzerTimeToCompileTime:P1} (work the driver does inside the timed callbacks, whoever the analyzer)"));
            text.AppendLine(Invariant($"- whole corpus: wall time our rules add to an analysis run with empty actions of the same kinds / compile time {inProcess.CorpusAddedTimeToCompileTime:P1}"));
            text.AppendLine(Invariant($"- whole corpus: bytes our rules allocate (beyond that empty run) / the compile's bytes {inProcess.CorpusAllocationToCompileAllocation:P2}"));
            text.AppendLine(Invariant($"- one {corpus.LargeFileLines:N0}-line file, as the IDE analyses a document: analyzer time / the compile of that file {inProcess.LargeFileAnalyzerToCompileTime:P1}"));
            text.AppendLine(Invariant($"- one {corpus.LargeFileLines:N0}-line file: the same telemetry for an analyzer with empty actions of the same kinds / the compile of that file {inProcess.LargeFileEmptyAnalyzerTimeToCompileTime:P1}; wall time our rules add to that empty analysis of the document / the compile of that file {inProcess.LargeFileAddedTimeToCompileTime:P1}"));
            text.AppendLine(Invariant($"- one {corpus.LargeFileLines:N0}-line file, the scale: the IDE's analysis of that document with the empty analyzer (a fresh CompilationWithAnalyzers, as after an edit) / the compile of that file {inProcess.LargeFileEmptyAnalysisWallToCompileTime:N1}×; wall time our rules add / that empty analysis {inProcess.LargeFileAddedTimeToEmptyAnalysisWall:P1}"));
            text.AppendLine();
            text.AppendLine("| rule(s) | analyzer time / compile time, whole corpus | analyzer time / that file's compile, one large file | diagnostics on the corpus |");
            text.AppendLine("|---|---|---|---|");
            foreach (var rule in inProcess.CorpusAnalyzerToCompileTimeByRule.Keys.Order(StringComparer.Ordinal))
            {
                // A row is one analyzer; one that reports several rules is named by their ids joined with '/'.
                var found = rule.Split('/').Sum(id => inProcess.CorpusDiagnosticsByRule.GetValueOrDefault(id));
                text.AppendLine(Invariant($"| {rule} | {inProcess.CorpusAnalyzerToCompileTimeByRule[rule]:P1} | {inProcess.LargeFileAnalyzerToCompileTimeByRule[rule]:P1} | {found} |"));
            }
        }
    }

    /// <summary>The median over rounds of a ratio between a contender's round and the same round of another.</summary>
    private static double PerRound(ContenderRuns run, ContenderRuns other, Func<AnalyzerReport, AnalyzerReport, double> ratio) =>
        PerRound(run.Reports, other.Reports, ratio);

    /// <summary>The median over rounds of a ratio taken within each round.</summary>
    private static double PerRound<TReport>(IEnumerable<TReport> reports, IEnumerable<TReport> others, Func<TReport, TReport, double> ratio) =>
        Statistics.Median(reports.Zip(others, ratio));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
