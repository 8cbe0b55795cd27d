using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PleoUxGuard.FakePleo.Bench;

/// <summary>
/// The baseline: Kestrel hosted exactly as the fake hosts it (empty builder, loopback), answering a
/// constant introspection body, so the ratio measures the fake's own work per validation.
/// </summary>
internal sealed class BareKestrel : IAsyncDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"data":{"authMethod":"API_KEY","clientId":"00000000-0000-0000-0000-000000000000","scope":"export-jobs:read export-jobs:write export-items:read users:read accounts:read","applicationName":"Reference Integration","subjectURN":"urn:pleo:company:00000000-0000-0000-0000-000000000000"}}""");

    private readonly WebApplication _app;

    private BareKestrel(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<BareKestrel> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            context.Response.ContentLength = Body.Length;
            await context.Response.Body.WriteAsync(Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BareKestrel(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
