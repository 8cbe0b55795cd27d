using System.Net;
using System.Net.Sockets;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Starting on loopback, refusing clearly when it cannot, and stopping without hanging.</summary>
public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task It_listens_on_loopback_at_a_free_port_by_default_and_each_server_gets_its_own()
    {
        await using var first = await FakePleoServer.StartAsync();
        await using var second = await FakePleoServer.StartAsync();

        Assert.Equal("127.0.0.1", first.BaseUrl.Host);
        Assert.Equal("/", first.BaseUrl.AbsolutePath);
        Assert.NotEqual(0, first.BaseUrl.Port);
        Assert.NotEqual(first.BaseUrl.Port, second.BaseUrl.Port);
        Assert.NotEqual(first.ControlToken, second.ControlToken);
        Assert.True(first.ControlToken.Length >= 32);
    }

    [Fact]
    public async Task It_listens_on_the_port_it_is_given()
    {
        var port = FreePort();

        await using var server = await FakePleoServer.StartAsync(new FakePleoOptions { Port = port });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), server.BaseUrl);
    }

    [Fact]
    public async Task A_port_in_use_is_refused_with_a_FakePleoStartException_saying_so()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;

        var problem = await Assert.ThrowsAsync<FakePleoStartException>(() => FakePleoServer.StartAsync(new FakePleoOptions { Port = port }));

        Assert.Contains($"127.0.0.1:{port}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<FakePleoOptions> ImpossibleOptions => new()
    {
        new FakePleoOptions { Port = -1 },
        new FakePleoOptions { Port = 70_000 },
        new FakePleoOptions { ApplicationName = " " },
        new FakePleoOptions { IntegrationUrl = new Uri("/connect", UriKind.Relative) },
        new FakePleoOptions { IntegrationUrl = new Uri("ftp://example.test/") },
        new FakePleoOptions { RequestedScopes = [] },
        new FakePleoOptions { RequestedScopes = ["users:read", ""] },
    };

    [Theory]
    [MemberData(nameof(ImpossibleOptions))]
    public async Task Impossible_options_are_refused_with_a_FakePleoStartException(FakePleoOptions options)
    {
        var problem = await Assert.ThrowsAsync<FakePleoStartException>(() => FakePleoServer.StartAsync(options));

        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public async Task Disposing_cancels_held_requests_instead_of_hanging()
    {
        var server = await FakePleoServer.StartAsync();
        using var client = PleoClient.For(server);
        var slow = server.Keys.MintSlow();
        var timingOut = server.Keys.MintTimingOut();
        var heldSlow = PleoClient.GetAsync(client, "v1/introspect", slow);
        var heldTimingOut = PleoClient.GetAsync(client, "v1/introspect", timingOut);
        await server.Keys.WaitUntilHeldAsync(slow, 1, Waits.State);
        await server.Keys.WaitUntilHeldAsync(timingOut, 1, Waits.State);

        await server.DisposeAsync().AsTask().WaitAsync(Waits.State);

        await Assert.ThrowsAnyAsync<Exception>(() => heldSlow.WaitAsync(Waits.State));
        await Assert.ThrowsAnyAsync<Exception>(() => heldTimingOut.WaitAsync(Waits.State));
        Assert.All(server.Journal.All, entry => Assert.Equal(499, entry.StatusCode));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task After_disposal_the_port_is_free_again()
    {
        var server = await FakePleoServer.StartAsync();
        var port = server.BaseUrl.Port;

        await server.DisposeAsync();
        await using var again = await FakePleoServer.StartAsync(new FakePleoOptions { Port = port });

        Assert.Equal(port, again.BaseUrl.Port);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
