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
        Assert.Equal(expected.Order(), build.Diagnostics.Order());
        Assert.All(build.Messages, message => Assert.Equal(severity, message.Severity));
    }
}
