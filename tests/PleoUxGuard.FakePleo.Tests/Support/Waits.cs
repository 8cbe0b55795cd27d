namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>Upper bounds for waits on states, so a broken fake fails a test instead of hanging it.</summary>
internal static class Waits
{
    // Every wait ends on the state it waits for, so the bound costs nothing when the fake works. It is wide because
    // some states arrive through the thread pool: on a machine loaded 25 deep a client's abort took over 10 s to be
    // journaled (1 run in 30).
    public static readonly TimeSpan State = TimeSpan.FromSeconds(30);
}
