namespace PleoUxGuard.FakePleo;

/// <summary>How the fake Pleo answers requests made with a key.</summary>
public enum KeyBehaviour
{
    Valid,
    Unknown,
    MissingScope,
    Expired,
    Slow,
    Failing,
    TimingOut,
    RateLimited,
}
