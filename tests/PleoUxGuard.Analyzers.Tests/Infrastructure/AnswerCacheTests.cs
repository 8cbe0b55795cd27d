namespace PleoUxGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// The per-reference answer cache: a hit never computes again, a key that meets another in its slot is
/// answered again (never with the other key's answer), and threads sharing it always get the right answer.
/// </summary>
public sealed class AnswerCacheTests
{
    [Fact]
    public void A_hit_returns_the_cached_answer_without_computing_it_again()
    {
        var cache = new AnswerCache<string, int>(StringComparer.Ordinal);
        var computed = 0;

        var first = cache.GetOrCompute("apiKey", 0, (_, key) => { computed++; return key.Length; });
        var second = cache.GetOrCompute("apiKey", 0, (_, key) => { computed++; return -1; });

        Assert.Equal(6, first);
        Assert.Equal(6, second);
        Assert.Equal(1, computed);
    }

    [Fact]
    public void Keys_that_share_a_slot_each_get_their_own_answer()
    {
        // One slot: every key meets every other, so each change of key computes again.
        var cache = new AnswerCache<string, string>(StringComparer.Ordinal, slotsLog2: 0);
        var computed = 0;
        string Answer(string key) => cache.GetOrCompute(key, 0, (_, k) => { computed++; return k.ToUpperInvariant(); });

        Assert.Equal("TOKEN", Answer("token"));
        Assert.Equal("SECRET", Answer("secret"));
        Assert.Equal("TOKEN", Answer("token"));
        Assert.Equal("TOKEN", Answer("token"));
        Assert.Equal(3, computed);
    }

    [Fact]
    public void Keys_are_compared_with_the_given_comparer()
    {
        var cache = new AnswerCache<string, string>(StringComparer.OrdinalIgnoreCase);

        cache.GetOrCompute("ApiKey", 0, (_, key) => key);

        Assert.Equal("ApiKey", cache.GetOrCompute("APIKEY", 0, (_, key) => key));
    }

    [Fact]
    public async Task Threads_sharing_the_cache_always_get_the_answer_for_their_own_key()
    {
        var cache = new AnswerCache<string, string>(StringComparer.Ordinal, slotsLog2: 3);
        var keys = Enumerable.Range(0, 200).Select(index => "name" + index).ToArray();

        var wrong = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            var mismatches = 0;
            for (var round = 0; round < 200; round++)
            {
                foreach (var key in keys)
                {
                    if (cache.GetOrCompute(key, 0, (_, k) => k + "!") != key + "!")
                    {
                        mismatches++;
                    }
                }
            }

            return mismatches;
        })));

        Assert.All(wrong, mismatches => Assert.Equal(0, mismatches));
    }
}
