using Microsoft.Extensions.Options;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>Turns a start-up failure caused by configuration into the sentence an operator needs.</summary>
internal static class StartupProblem
{
    /// <summary>The configuration problems behind <paramref name="exception"/>, or null when it is something else.</summary>
    public static string? Describe(Exception exception)
    {
        var failures = exception switch
        {
            OptionsValidationException validation => validation.Failures,
            AggregateException aggregate when aggregate.Flatten().InnerExceptions.All(inner => inner is OptionsValidationException) =>
                aggregate.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(validation => validation.Failures),
            _ => null,
        };
        return failures is null ? null : string.Join(" ", failures.Distinct(StringComparer.Ordinal));
    }
}
