using System.CommandLine;
using PleoUxGuard.ConformanceKit.Baselines;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>--baseline, shared by run and merge: a file of expected failures, loaded before anything starts.</summary>
internal sealed class BaselineOption
{
    public Option<string?> Option { get; } = new("--baseline") { Description = "A file of expected failures (docs/conformance-kit-ci.md): they do not fail the run; entries that no longer fail do." };

    /// <summary>Loads the baseline; false (after one line on stderr) when the file cannot be used.</summary>
    public bool TryLoad(ParseResult parseResult, out Baseline? baseline)
    {
        baseline = null;
        if (parseResult.GetValue(Option) is not { } path)
        {
            return true;
        }

        try
        {
            baseline = Baseline.Load(path);
            return true;
        }
        catch (BaselineException problem)
        {
            Console.Error.WriteLine(problem.Message);
            return false;
        }
    }
}
