using Microsoft.CodeAnalysis.Testing;
using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux007>;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>PUX007: a secret reaches a cookie, a response header, browser storage or page script.</summary>
public sealed class SecretToBrowserStorageAnalyzerTests
{
    [Fact]
    public async Task Cookies_response_headers_and_js_interop_are_sinks()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.JSInterop;

            class Connection
            {
                async Task Save(HttpContext context, IJSRuntime js, string apiKey)
                {
                    context.Response.Cookies.Append("pleo_key", {|#0:apiKey|});
                    context.Response.Headers["X-Pleo-Key"] = {|PUX007:apiKey|};
                    context.Response.Headers.Append("X-Pleo-Key", {|PUX007:apiKey|});
                    context.Response.Headers.SetCookie = new Microsoft.Net.Http.Headers.SetCookieHeaderValue("pleo_key", {|PUX007:apiKey|}).ToString();
                    await js.InvokeVoidAsync("localStorage.setItem", "pleoKey", {|#1:apiKey|});
                    await js.InvokeAsync<string>("sessionStorage.setItem", "pleoKey", {|PUX007:apiKey|});
                }
            }
            """;

        // Messages name each sink with the type it is called on (a bare Append does not say which one).
        await Verify.VerifyAsync(
            source,
            null,
            new DiagnosticResult(Descriptors.SecretToBrowserStorage).WithLocation(0).WithArguments("apiKey", "IResponseCookies.Append"),
            new DiagnosticResult(Descriptors.SecretToBrowserStorage).WithLocation(1).WithArguments("apiKey", "IJSRuntime.InvokeVoidAsync"));
    }

    [Fact]
    public async Task Request_headers_and_harmless_values_are_silent()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.JSInterop;

            class Connection
            {
                async Task Save(HttpContext context, IJSRuntime js, HttpRequestMessage outgoing, string apiKey, string tenantId)
                {
                    outgoing.Headers.Add("Authorization", "Bearer " + apiKey);
                    context.Response.Cookies.Append("tenant", tenantId);
                    context.Response.Headers["X-Key-Ending"] = "••••" + apiKey[^4..];
                    context.Response.Headers.SetCookie = new Microsoft.Net.Http.Headers.SetCookieHeaderValue("tenant", tenantId).ToString();
                    await js.InvokeVoidAsync("showConnected", tenantId);
                    var incoming = context.Request.Headers["X-Api-Key"];
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
