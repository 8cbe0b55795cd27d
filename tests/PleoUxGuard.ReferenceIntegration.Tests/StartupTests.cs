using Microsoft.AspNetCore.Mvc.Testing;

namespace PleoUxGuard.ReferenceIntegration.Tests;

public sealed class StartupTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public StartupTests(WebApplicationFactory<Program> factory) => _factory = factory;

    [Fact]
    public async Task The_app_starts_and_answers()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"GET / answered {(int)response.StatusCode}");
    }
}
