using System.CommandLine;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>The options run and doctor share, and loading the profile with a one-line error per problem.</summary>
internal sealed class ProfileOptions
{
    public Option<string> Profile { get; } = new("--profile") { Description = "The integration's profile (JSON; schema: schemas/conformance-profile.schema.json).", Required = true };

    public Option<string?> Browser { get; } = new("--browser") { Description = "Path of a Chromium or Chrome executable." };

    public Option<int> PleoPort { get; } = new Option<int>("--pleo-port") { Description = "Port of the fake Pleo (default: a free one); fix it when you start the integration yourself." }.AsWholeNumber();

    public Option<bool> Headed { get; } = new("--headed") { Description = "Show the browser window, to watch a flow while debugging (needs a display)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Browser);
        command.Options.Add(PleoPort);
        command.Options.Add(Headed);
    }

    /// <summary>Loads the profile, or prints its problems and returns null (exit code 2).</summary>
    public ConformanceProfile? Load(ParseResult parseResult)
    {
        try
        {
            return ProfileLoader.Load(parseResult.GetValue(Profile)!);
        }
        catch (ProfileException problem)
        {
            foreach (var line in problem.Problems)
            {
                Console.Error.WriteLine(line);
            }

            return null;
        }
    }
}
