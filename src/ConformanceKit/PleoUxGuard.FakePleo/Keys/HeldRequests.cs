namespace PleoUxGuard.FakePleo;

/// <summary>
/// Counts the requests a slow or timing-out key is holding right now, so a test can wait until its
/// request has really arrived before it releases the gate (a state to wait on, not a sleep).
/// </summary>
internal sealed class HeldRequests
{
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public IDisposable Enter()
    {
        List<TaskCompletionSource> reached = [];
        lock (_lock)
        {
            _count++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _count)
                {
                    reached.Add(_waiters[i].Reached);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in reached)
        {
            waiter.TrySetResult();
        }

        return new Exit(this);
    }

    public Task WaitUntilAsync(int count)
    {
        lock (_lock)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            _count--;
        }
    }

    private sealed class Exit(HeldRequests owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
