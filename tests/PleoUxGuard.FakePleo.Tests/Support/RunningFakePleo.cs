namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>A fresh fake Pleo per test (they start in milliseconds), with an HttpClient pointed at it.</summary>
public abstract class RunningFakePleo : IAsyncLifetime
{
    protected FakePleoServer Server { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The control API client, made on first use.</summary>
    protected ControlClient Control => _control ??= new ControlClient(Server);

    protected virtual FakePleoOptions Options => new();

    private ControlClient? _control;

    /// <summary>Runs once the server is up, for keys every test of a class needs.</summary>
    protected virtual void Arrange()
    {
    }

    public async Task InitializeAsync()
    {
        Server = await FakePleoServer.StartAsync(Options);
        Client = PleoClient.For(Server);
        Arrange();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        _control?.Dispose();
        await Server.DisposeAsync();
    }
}
