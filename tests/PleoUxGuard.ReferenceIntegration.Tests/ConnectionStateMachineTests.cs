using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.Shared;
using static PleoUxGuard.ReferenceIntegration.Connections.ConnectionState;
using static PleoUxGuard.ReferenceIntegration.Connections.ConnectionTrigger;

namespace PleoUxGuard.ReferenceIntegration.Tests;

/// <summary>The connection state machine on its own: every allowed move, and every move it refuses.</summary>
public sealed class ConnectionStateMachineTests
{
    public static TheoryData<ConnectionState, ConnectionTrigger, ConnectionState> AllowedMoves => new()
    {
        { NotConnected, KeySubmitted, ValidationInProgress },
        { NotConnected, KeyAccepted, Connected },
        { NotConnected, KeyRefused, ConnectionFailed },
        { NotConnected, Disconnected, NotConnected },
        { ConnectionFailed, KeySubmitted, ValidationInProgress },
        { ConnectionFailed, KeyAccepted, Connected },
        { ConnectionFailed, KeyRefused, ConnectionFailed },
        { ConnectionFailed, Disconnected, NotConnected },
        { Connected, KeySubmitted, ValidationInProgress },
        { Connected, KeyAccepted, Connected },
        { Connected, KeyRefused, Connected },
        { Connected, CheckPassed, Connected },
        { Connected, CheckRefused, ActionRequired },
        { Connected, CheckInconclusive, Connected },
        { Connected, Disconnected, NotConnected },
        { ActionRequired, KeySubmitted, ValidationInProgress },
        { ActionRequired, KeyAccepted, Connected },
        { ActionRequired, KeyRefused, ActionRequired },
        { ActionRequired, CheckPassed, Connected },
        { ActionRequired, CheckRefused, ActionRequired },
        { ActionRequired, CheckInconclusive, ActionRequired },
        { ActionRequired, Disconnected, NotConnected },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_moves_land_where_the_requirements_say(ConnectionState from, ConnectionTrigger trigger, ConnectionState expected) =>
        Assert.Equal(expected, ConnectionStateMachine.Next(from, trigger));

    [Fact]
    public void Every_other_move_is_refused()
    {
        var allowed = AllowedMoves.Select(row => ((ConnectionState)row[0], (ConnectionTrigger)row[1])).ToHashSet();
        var refused = 0;
        foreach (var from in Enum.GetValues<ConnectionState>())
        {
            foreach (var trigger in Enum.GetValues<ConnectionTrigger>())
            {
                if (!allowed.Contains((from, trigger)))
                {
                    Assert.Throws<InvalidOperationException>(() => ConnectionStateMachine.Next(from, trigger));
                    refused++;
                }
            }
        }

        // Checks on a tenant without a stored key, and anything while a validation runs, make no sense.
        Assert.Equal(6 + 7, refused);
    }

    [Theory]
    [InlineData(NotConnected, false)]
    [InlineData(ValidationInProgress, false)]
    [InlineData(ConnectionFailed, false)]
    [InlineData(Connected, true)]
    [InlineData(ActionRequired, true)]
    public void Only_connected_and_action_required_hold_a_key(ConnectionState state, bool holdsKey) =>
        Assert.Equal(holdsKey, ConnectionStateMachine.HasStoredKey(state));

    [Fact]
    public void The_labels_are_exactly_the_shared_state_labels()
    {
        var labels = Enum.GetValues<ConnectionState>().Select(state => state.Label()).ToArray();
        Assert.Equal(ConnectionStateLabels.All.Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));
    }
}
