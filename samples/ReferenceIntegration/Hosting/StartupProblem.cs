using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Storage;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>Turns a start-up failure caused by configuration into the sentence an operator needs.</summary>
internal static class StartupProblem
{
    /// <summary>The problems behind <paramref name="exception"/> an operator can fix, or null when it is something else.</summary>
    public static string? Describe(Exception exception)
    {
        switch (exception)
        {
            case StorageUnusableException storage:
                return Sentence(storage.Message);
            case InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } binding:
                return WrongKind(binding.Message);
            case IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } binding:
                return binding.Message + " Stop what is listening there or start with another --urls.";
            case ArgumentOutOfRangeException { ParamName: "port" }:
                return "A port in --urls (or ASPNETCORE_URLS) is out of range; use a number from 0 to 65535.";
            case FormatException { TargetSite.DeclaringType.FullName: "Microsoft.AspNetCore.Http.BindingAddress" } address:
                return $"An address in --urls (or ASPNETCORE_URLS) cannot be read ({address.Message}); write it as http://127.0.0.1:5080.";
        }

        var failures = exception switch
        {
            OptionsValidationException validation => validation.Failures,
            AggregateException aggregate when aggregate.Flatten().InnerExceptions.All(inner => inner is OptionsValidationException) =>
                aggregate.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(validation => validation.Failures),
            _ => null,
        };
        return failures is null ? null : string.Join(" ", failures.Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value 'ten' at 'Pleo:AttemptTimeout' to type 'System.TimeSpan'."
    /// in the operator's words, without the .NET type; its own sentence when it reads otherwise.
    /// </summary>
    private static string WrongKind(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'");
        if (!match.Success)
        {
            return message;
        }

        var kind = match.Groups["type"].Value switch
        {
            "System.TimeSpan" => "a time span such as 00:00:10",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.Uri" => "a URL",
            var other => "a value of type " + other,
        };
        return $"The setting {match.Groups["key"].Value} is '{match.Groups["value"].Value}', which is not {kind}.";
    }

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";
}
