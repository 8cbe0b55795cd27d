using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PleoUxGuard.ConformanceKit.Cli;

/// <summary>
/// Parsers for option values that say what to write in the user's words. System.CommandLine's own message names
/// the .NET type ("as expected type 'System.Int32'"), which a CI user cannot act on.
/// </summary>
internal static class OptionValues
{
    /// <summary>The option takes a whole number: "--pleo-port must be a whole number, not 'eighty'."</summary>
    public static Option<int> AsWholeNumber(this Option<int> option)
    {
        option.CustomParser = result =>
        {
            var text = Single(result);
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            result.AddError($"{option.Name} must be a whole number, not '{text}'.");
            return default;
        };
        return option;
    }

    /// <summary>The option takes one of the enum's names, in any case: "--trace must be Off, OnFailure or Always, not 'sometimes'."</summary>
    public static Option<T> AsOneOf<T>(this Option<T> option)
        where T : struct, Enum
    {
        option.CustomParser = result =>
        {
            var text = Single(result);
            var match = Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return Enum.Parse<T>(match);
            }

            var names = Enum.GetNames<T>();
            result.AddError($"{option.Name} must be {string.Join(", ", names[..^1])} or {names[^1]}, not '{text}'.");
            return default;
        };
        return option;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
