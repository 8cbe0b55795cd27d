using System.Text;
using PleoUxGuard.ReferenceIntegration.Connections;

namespace PleoUxGuard.ReferenceIntegration.Tests;

/// <summary>Reading what the user pasted: the format check that runs before any call to Pleo.</summary>
public sealed class PleoApiKeyTests
{
    // Shaped like the fake Pleo's keys: 64 characters of [A-Za-z0-9_-]; generated, obviously not a real key.
    private static readonly string SampleKey = "test_" + new string('x', 50) + "-AbC1";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("too-short-1234")]
    [InlineData("has spaces inside it but is otherwise long enough to pass")]
    [InlineData("has\"quotes\"and<angle>brackets-but-is-long-enough-to-pass")]
    public void Text_that_is_not_shaped_like_a_key_is_refused(string input) => Assert.Null(PleoApiKey.Parse(input));

    [Fact]
    public void Null_is_refused() => Assert.Null(PleoApiKey.Parse(null));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("  \t ")]
    public void Pasted_white_space_and_newlines_around_the_key_are_trimmed(string around)
    {
        var key = PleoApiKey.Parse(around + SampleKey + around);

        Assert.NotNull(key);
        Assert.Equal(SampleKey[^4..], key.LastFour);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\u001b')]
    [InlineData('\u0007')]
    [InlineData('\n')]
    public void Control_characters_inside_the_key_are_refused(char control) =>
        Assert.Null(PleoApiKey.Parse(SampleKey[..10] + control + SampleKey[10..]));

    [Fact]
    public void A_control_character_at_the_end_that_is_not_white_space_is_refused() =>
        Assert.Null(PleoApiKey.Parse(SampleKey + '\0'));

    [Fact]
    public void Input_over_one_kilobyte_is_refused_even_if_it_is_mostly_white_space() =>
        Assert.Null(PleoApiKey.Parse(SampleKey + new string(' ', PleoApiKey.MaxInputBytes)));

    [Fact]
    public void The_length_range_is_inclusive()
    {
        Assert.NotNull(PleoApiKey.Parse(new string('a', PleoApiKey.MinLength)));
        Assert.NotNull(PleoApiKey.Parse(new string('a', PleoApiKey.MaxLength)));
        Assert.Null(PleoApiKey.Parse(new string('a', PleoApiKey.MinLength - 1)));
        Assert.Null(PleoApiKey.Parse(new string('a', PleoApiKey.MaxLength + 1)));
    }

    [Fact]
    public void The_key_shows_itself_only_masked()
    {
        var key = PleoApiKey.Parse(SampleKey)!;

        Assert.Equal("••••" + SampleKey[^4..], key.ToString());
        Assert.Equal(key.ToString(), key.Masked);
        Assert.DoesNotContain(SampleKey, $"{key}", StringComparison.Ordinal);
    }

    [Fact]
    public void The_authorization_header_is_pleo_basic_auth_with_the_key_as_user_name()
    {
        var header = PleoApiKey.Parse(SampleKey)!.ToAuthorizationHeader();

        Assert.Equal("Basic", header.Scheme);
        Assert.Equal(SampleKey + ":", Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)));
    }
}
