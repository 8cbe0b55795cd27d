namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>
/// The system clock, moved forward by as much as a test says: the app (and its sign-in cookies) see the hours pass
/// at once, while timers and timeouts keep real time.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));
}
