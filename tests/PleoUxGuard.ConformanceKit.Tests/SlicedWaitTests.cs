using PleoUxGuard.ConformanceKit.Flows;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// The kit's waits for an address or a load state, which Playwright for .NET can lose an event in
/// (microsoft/playwright-dotnet#3364): a lost event must cost one slice, not the whole timeout.
/// </summary>
public sealed class SlicedWaitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_wait_whose_event_was_lost_succeeds_on_the_next_slice()
    {
        var clock = new ManualClock();
        var slices = new List<TimeSpan>();

        // The first slice waits in vain, as a wait that subscribed just after its event does; the page got there.
        await SlicedWait.UntilAsync(
            slice =>
            {
                slices.Add(slice);
                clock.Advance(slice);
                return slices.Count == 1 ? throw new TimeoutException("lost") : Task.CompletedTask;
            },
            Timeout,
            clock);

        Assert.Equal([SlicedWait.Slice, SlicedWait.Slice], slices);
        Assert.Equal(2 * SlicedWait.Slice, clock.Elapsed);
    }

    [Fact]
    public async Task A_wait_that_succeeds_at_once_takes_one_slice()
    {
        var calls = 0;

        await SlicedWait.UntilAsync(_ => { calls++; return Task.CompletedTask; }, Timeout, new ManualClock());

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_wait_that_never_comes_ends_with_a_timeout_after_the_whole_time_and_not_later()
    {
        var clock = new ManualClock();
        var slices = new List<TimeSpan>();
        var timeout = TimeSpan.FromMilliseconds(600);

        await Assert.ThrowsAsync<TimeoutException>(() => SlicedWait.UntilAsync(
            slice =>
            {
                slices.Add(slice);
                clock.Advance(slice);
                throw new TimeoutException("not there");
            },
            timeout,
            clock));

        // 250 + 250 + the 100 left: the slices never ask for more than the caller's timeout.
        Assert.Equal([SlicedWait.Slice, SlicedWait.Slice, TimeSpan.FromMilliseconds(100)], slices);
        Assert.Equal(timeout, clock.Elapsed);
    }

    [Fact]
    public async Task Any_other_failure_ends_the_wait_at_once()
    {
        var calls = 0;

        var problem = await Assert.ThrowsAsync<InvalidOperationException>(() => SlicedWait.UntilAsync(
            _ =>
            {
                calls++;
                throw new InvalidOperationException("page closed");
            },
            Timeout,
            new ManualClock()));

        Assert.Equal("page closed", problem.Message);
        Assert.Equal(1, calls);
    }

    /// <summary>A clock that moves only when told to, so the tests never wait.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(_ticks);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
