using System.Text;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class KeyExposureScannerTests
{
    // Generated per run, obviously fake.
    private static readonly string Key = "fake_" + Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "_" + Guid.NewGuid().ToString("N")[..16];
    private static readonly SecretToFind Secret = new(Key, "••••" + Key[^4..] + " (k1)");

    private static IReadOnlyList<Exposure> Find(string text, ExposurePlace place = ExposurePlace.VisibleText, string? baseline = null) =>
        KeyExposureScanner.Find(
            [(place, "here", text)],
            [Secret],
            KeyExposureScanner.PieceLength,
            baseline is null ? null : [(ExposurePlace.ResponseBody, "before", baseline)]);

    [Fact]
    public void The_whole_key_is_found_and_never_repeated_in_the_evidence()
    {
        var exposure = Assert.Single(Find($"token={Key};"));

        Assert.True(exposure.WholeKey);
        Assert.DoesNotContain(Key[..8], exposure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_as_a_basic_header_value_is_found()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":"));

        Assert.True(Assert.Single(Find("Authorization: Basic " + header)).WholeKey);
    }

    [Fact]
    public void A_five_character_piece_is_found_with_its_length()
    {
        var exposure = Assert.Single(Find("ref " + Key.Substring(10, 7) + " end"));

        Assert.False(exposure.WholeKey);
        Assert.Equal(7, exposure.PieceLength);
        Assert.Equal(10, exposure.PieceStart);
    }

    [Fact]
    public void The_last_four_characters_alone_are_not_a_leak()
    {
        Assert.Empty(Find("API key: ••••" + Key[^4..]));
    }

    [Fact]
    public void A_piece_already_there_before_the_key_was_typed_is_a_coincidence()
    {
        var piece = Key.Substring(30, 5);

        Assert.Empty(Find("bundle " + piece, ExposurePlace.ResponseBody, baseline: "older " + piece));
        Assert.Single(Find(Key, ExposurePlace.ResponseBody, baseline: "older " + Key));
    }

    [Fact]
    public void A_key_that_was_not_saved_may_stay_in_the_key_field_and_nowhere_else()
    {
        var unsaved = Secret with { Unsaved = true };
        IReadOnlyList<Exposure> FindIn(ExposurePlace place, SecretToFind secret) =>
            KeyExposureScanner.Find([(place, "input#key", Key)], [secret], KeyExposureScanner.PieceLength);

        Assert.Empty(FindIn(ExposurePlace.KeyFieldValue, unsaved));
        Assert.Single(FindIn(ExposurePlace.InputValue, unsaved));
        Assert.Single(FindIn(ExposurePlace.VisibleText, unsaved));
        Assert.Single(FindIn(ExposurePlace.KeyFieldValue, Secret));
    }

    [Fact]
    public void The_mask_hides_every_piece_of_four()
    {
        var masked = new SecretMask([Key]).Apply($"a {Key[3..12]} b {Key[^4..]}");

        Assert.Equal("a ••••••••• b ••••", masked);
    }
}
