using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Pleo;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

/// <summary>How an introspection Pleo answers 200 is read: which answers are a company's API key.</summary>
public sealed class PleoClientTests
{
    private static readonly Guid Company = Guid.Parse("5b0f7c3e-1d2a-4c8e-9f60-2a1b3c4d5e6f");

    [Theory]
    [InlineData("API_KEY", "urn:pleo:company:5b0f7c3e-1d2a-4c8e-9f60-2a1b3c4d5e6f", "")]
    [InlineData(null, "urn:pleo:company:5b0f7c3e-1d2a-4c8e-9f60-2a1b3c4d5e6f", "")]
    [InlineData("API_KEY", "urn:pleo:organization:5b0f7c3e-1d2a-4c8e-9f60-2a1b3c4d5e6f", nameof(FailureKind.InvalidKey))]
    [InlineData("OAUTH", "urn:pleo:company:5b0f7c3e-1d2a-4c8e-9f60-2a1b3c4d5e6f", nameof(FailureKind.InvalidKey))]
    [InlineData("API_KEY", "urn:pleo:company:not-a-uuid", nameof(FailureKind.InvalidKey))]
    public async Task A_credential_that_is_not_a_company_installations_api_key_is_refused_as_a_key_not_as_an_outage(
        string? authMethod, string subject, string expectedFailure)
    {
        var scopes = string.Join(' ', new PleoOptions().RequiredScopes);
        var method = authMethod is null ? string.Empty : $"\"authMethod\":\"{authMethod}\",";
        var client = ClientAnswering($"{{\"data\":{{{method}\"scope\":\"{scopes}\",\"subjectURN\":\"{subject}\"}}}}");

        var check = await client.CheckAsync(PleoApiKey.Parse("test_" + new string('x', 50) + "-AbC1")!, CancellationToken.None);

        FailureKind? expected = expectedFailure.Length == 0 ? null : Enum.Parse<FailureKind>(expectedFailure);
        Assert.Equal(expected, check.Failure);
        Assert.Equal(expected is null ? Company : (Guid?)null, check.CompanyId);
    }

    private static PleoClient ClientAnswering(string json) =>
        new(new Factory(json), Options.Create(new PleoOptions { BaseUrl = new Uri("https://pleo.test/") }), NullLogger<PleoClient>.Instance);

    private sealed class Factory(string json) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Answer(json)) { BaseAddress = new Uri("https://pleo.test/") };
    }

    private sealed class Answer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }
}
