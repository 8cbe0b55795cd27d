namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>Upper bounds for waits on states, so a broken fake fails a test instead of hanging it.</summary>
internal static class Waits
{
    public static readonly TimeSpan State = TimeSpan.FromSeconds(10);
}
