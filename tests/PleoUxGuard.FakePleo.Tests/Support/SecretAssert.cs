using System.Text.Json;

namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>Checks that no minted key's value shows where only fingerprints may.</summary>
internal static class SecretAssert
{
    public static void JournalHoldsNoKey(FakePleoServer server)
    {
        var keys = server.Keys.All;
        Assert.NotEmpty(keys);
        foreach (var entry in server.Journal.All)
        {
            var text = JsonSerializer.Serialize(entry) + entry;
            foreach (var key in keys)
            {
                Assert.DoesNotContain(key.Value, text, StringComparison.Ordinal);
            }
        }
    }

    public static void HoldsNoKey(FakePleoServer server, string text)
    {
        foreach (var key in server.Keys.All)
        {
            Assert.DoesNotContain(key.Value, text, StringComparison.Ordinal);
        }
    }
}
