namespace PleoUxGuard.ConformanceKit.Findings;

/// <summary>Why a problem is not the integration's fault, which decides the exit code.</summary>
public enum ProblemKind
{
    /// <summary>The profile is wrong: a field, a sign-in step, or a locator the profile set matches nothing or several elements.</summary>
    Profile,

    /// <summary>The browser, the fake Pleo or the integration could not start or crashed.</summary>
    Environment,
}

/// <summary>A problem that stopped a flow but says nothing about conformance.</summary>
/// <param name="Flow">The flow it happened in, or null when it stopped the whole run.</param>
/// <param name="Message">One line saying what to change.</param>
public sealed record RunProblem(ProblemKind Kind, string? Flow, string Message);
