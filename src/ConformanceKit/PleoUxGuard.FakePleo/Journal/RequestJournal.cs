namespace PleoUxGuard.FakePleo;

/// <summary>
/// Every request the fake Pleo answered outside its control API, in arrival-of-answer order. It holds
/// fingerprints only, never a full key.
/// </summary>
public sealed class RequestJournal
{
    private readonly Lock _lock = new();
    private readonly List<JournalEntry> _entries = [];
    private readonly List<(Func<JournalEntry, bool> Predicate, TaskCompletionSource<JournalEntry> Found)> _waiters = [];

    /// <summary>A snapshot of every entry so far.</summary>
    public IReadOnlyList<JournalEntry> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The entries of requests made with this key (in the header or in the URL).</summary>
    public IReadOnlyList<JournalEntry> For(MintedKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return [.. _entries.Where(entry => entry.KeyId == key.Id)];
        }
    }

    /// <summary>
    /// The first entry, already journaled or still to come, that matches; throws TimeoutException after
    /// <paramref name="timeout"/>. Waits on the journal itself, never by polling.
    /// </summary>
    public async Task<JournalEntry> WaitForAsync(Func<JournalEntry, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TaskCompletionSource<JournalEntry> found;
        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                if (predicate(entry))
                {
                    return entry;
                }
            }

            found = new TaskCompletionSource<JournalEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiters.RemoveAll(waiter => waiter.Found == found);
                throw new TimeoutException($"No journal entry matched within {timeout.TotalSeconds:0.#} s; the journal holds {_entries.Count} entries.");
            }
        }
    }

    /// <summary>Forgets every entry, e.g. between the flows of one kit run.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    internal void Add(JournalEntry entry)
    {
        List<TaskCompletionSource<JournalEntry>> matched = [];
        List<(TaskCompletionSource<JournalEntry> Found, Exception Problem)> failed = [];
        lock (_lock)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (predicate, found) = _waiters[i];
                bool matches;
                try
                {
                    matches = predicate(entry);
                }
                catch (Exception problem)
                {
                    // A test's faulty predicate fails that test's wait, never the request being journaled.
                    failed.Add((found, problem));
                    _waiters.RemoveAt(i);
                    continue;
                }

                if (matches)
                {
                    matched.Add(found);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var found in matched)
        {
            found.TrySetResult(entry);
        }

        foreach (var (found, problem) in failed)
        {
            found.TrySetException(problem);
        }
    }
}
