namespace PleoUxGuard.ConformanceKit.Profile;

/// <summary>
/// The profile is wrong: it does not parse, a field is invalid, a sign-in step does not succeed in time, or a
/// locator matches several elements (or, for doctor, nothing). Each problem is one line naming the field. Exit code 2.
/// </summary>
public sealed class ProfileException : Exception
{
    public ProfileException(string message)
        : this([message])
    {
    }

    public ProfileException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public ProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
