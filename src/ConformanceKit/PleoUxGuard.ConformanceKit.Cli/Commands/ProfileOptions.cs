using System.CommandLine;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Cli.Commands;

/// <summary>The options run and doctor share, and loading the profile with a one-line error per problem.</summary>
internal sealed class ProfileOptions
{
    public Option<string> Profile { get; } = new("--profile") { Description = "The integration's profile (JSON; schema: schemas/conformance-profile.schema.json).", Required = true };

    public Option<string?> Browser { get; } = new("--browser") { Description = "Path of a Chromium or Chrome executable." };

    public void AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Browser);
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
