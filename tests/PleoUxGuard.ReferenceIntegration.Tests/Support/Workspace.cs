using System.Net;
using AngleSharp.Html.Parser;
using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Connections;

namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>A signed-in user of one fresh workspace, driving the connection page as a browser would.</summary>
public sealed class Workspace(ReferenceApp app, HttpClient client) : IDisposable
{
    public const string ConnectionPath = "/integrations/pleo";
    public const string TestPassword = "correct horse battery";

    private string? _antiforgeryToken;

    public string Email { get; } = $"user-{Guid.NewGuid():N}@example.test";

    public HttpClient Client => client;

    internal TenantId TenantId { get; private set; }

    public async Task RegisterAsync()
    {
        var form = await GetAsync("/Account/Register");
        using var response = await PostAsync("/Account/Register", AntiforgeryTokenIn(form.Html), new()
        {
            ["WorkspaceName"] = "Workspace " + Email,
            ["Email"] = Email,
            ["Password"] = TestPassword,
        });
        var page = await ReadAsync(response);
        Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath == ConnectionPath, "sign-up should end on the connection page, not:\n" + page.Html);

        // A token issued for the signed-in user serves every later form of this session.
        _antiforgeryToken = AntiforgeryTokenIn(page.Html);
        TenantId = await app.TenantOfAsync(Email);
    }

    public Task<ConnectionPage> OpenConnectionPageAsync() => GetAsync(ConnectionPath);

    public Task<ConnectionPage> SubmitKeyAsync(MintedKey key, Guid? confirmCompanySwitch = null) =>
        SubmitKeyAsync(key.Value, confirmCompanySwitch);

    public async Task<ConnectionPage> SubmitKeyAsync(string input, Guid? confirmCompanySwitch = null)
    {
        var fields = new Dictionary<string, string> { ["ApiKey"] = input };
        if (confirmCompanySwitch is { } companyId)
        {
            fields["ConfirmCompanySwitch"] = companyId.ToString("D");
        }

        using var response = await PostAsync(ConnectionPath + "?handler=Connect", _antiforgeryToken, fields);
        return await ReadAsync(response);
    }

    public async Task<ConnectionPage> DisconnectAsync()
    {
        using var response = await PostAsync(ConnectionPath + "?handler=Disconnect", _antiforgeryToken, []);
        return await ReadAsync(response);
    }

    public async Task<ConnectionPage> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string? antiforgeryToken, Dictionary<string, string> fields)
    {
        if (antiforgeryToken is not null)
        {
            fields["__RequestVerificationToken"] = antiforgeryToken;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Posts <paramref name="fields"/> with this session's antiforgery token, as the page's own forms do.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) => PostAsync(path, _antiforgeryToken, fields);

    public async Task<ConnectionPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        app.Remember(html);
        return new ConnectionPage(response.StatusCode, html, new HtmlParser().ParseDocument(html));
    }

    public void Dispose() => client.Dispose();

    private static string AntiforgeryTokenIn(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token:\n" + html);
}
