using PleoUxGuard.ConformanceKit.Inspection;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class StateLabelsTests
{
    private static readonly StateLabels Defaults = new(new StateLabelSettings());

    [Theory]
    [InlineData("Not connected", new[] { ConnectionState.NotConnected })]
    [InlineData("Connected", new[] { ConnectionState.Connected })]
    [InlineData("connected to Company ID: 42", new[] { ConnectionState.Connected })]
    [InlineData("Validation in progress…", new[] { ConnectionState.ValidationInProgress })]
    [InlineData("Disconnected", new ConnectionState[0])]
    [InlineData("Connection failed", new[] { ConnectionState.ConnectionFailed })]
    [InlineData("Connected | Action required", new[] { ConnectionState.Connected, ConnectionState.ActionRequired })]
    [InlineData("", new ConnectionState[0])]
    [InlineData("Connected\n\nConnected to Company ID: 42", new[] { ConnectionState.Connected })]
    [InlineData("Connected | Connected", new[] { ConnectionState.Connected })]
    [InlineData("Action required\nConnected to Company ID: 42", new[] { ConnectionState.ActionRequired, ConnectionState.Connected })]
    public void Labels_are_whole_words_and_never_inside_a_longer_label(string text, ConnectionState[] expected)
    {
        Assert.Equal(expected, Defaults.FindIn(text));
    }

    [Fact]
    public void A_profile_can_add_labels_for_another_locale_and_regexes()
    {
        var labels = new StateLabels(new StateLabelSettings
        {
            Connected = [TextPattern.Parse("Connected"), TextPattern.Parse("Forbundet")],
            NotConnected = [TextPattern.Parse("Not connected"), TextPattern.Parse("/ikke forbundet/i")],
        });

        Assert.Equal([ConnectionState.Connected], labels.FindIn("Forbundet"));
        Assert.Equal([ConnectionState.NotConnected], labels.FindIn("Ikke forbundet"));
        Assert.Equal([ConnectionState.Connected], labels.FindIn("Status: Forbundet"));
    }
}
