namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

internal static class ConsumerAssert
{
    /// <summary>
    /// The build ended as it should, and printed exactly the diagnostics the sources' "expect" markers
    /// declare (at least one, so a build that analysed nothing cannot pass), all with the given severity.
    /// </summary>
    public static void PrintsExactlyTheExpectedDiagnostics(ConsumerBuild build, bool succeeds, string severity)
    {
        Assert.True((build.Command.ExitCode == 0) == succeeds, (succeeds ? "the build must succeed; " : "the build must fail; ") + build.Command.Describe());
        var expected = build.Project.ExpectedDiagnostics();
        Assert.NotEmpty(expected);
        var missing = expected.Except(build.Diagnostics).Order().ToList();
        var unexpected = build.Diagnostics.Except(expected).Order().ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Expected but not reported: [{string.Join(", ", missing)}]\nReported but not expected: [{string.Join(", ", unexpected)}]");
        Assert.All(build.Messages, message => Assert.Equal(severity, message.Severity));
    }
}
