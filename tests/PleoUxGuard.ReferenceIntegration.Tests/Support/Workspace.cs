using System.Net;
using AngleSharp.Html.Parser;
using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Hosting;

namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>
/// A signed-in user of one workspace in one browser (its own cookies), driving the connection page as a browser
/// would. Without an <paramref name="email"/>, a fresh workspace's user.
/// </summary>
public sealed class Workspace(ReferenceApp app, HttpClient client, CookieContainer cookies, string? email = null) : IDisposable
{
    public const string ConnectionPath = "/integrations/pleo";
    public const string LoginPath = "/Account/Login";
    public const string TestPassword = "correct horse battery";

    private string? _antiforgeryToken;

    public string Email { get; } = email ?? $"user-{Guid.NewGuid():N}@example.test";

    public HttpClient Client => client;

    /// <summary>The sign-in cookie's value as this browser holds it now, to replay from elsewhere.</summary>
    public string SessionCookie => cookies.GetCookies(client.BaseAddress!)[ServiceRegistration.SessionCookieName]?.Value
        ?? throw new InvalidOperationException("This browser holds no sign-in cookie.");

    internal TenantId TenantId { get; private set; }

    public Task RegisterAsync() => SubmitAccountFormAsync("/Account/Register", new()
    {
        ["WorkspaceName"] = "Workspace " + Email,
        ["Email"] = Email,
        ["Password"] = TestPassword,
    });

    public Task SignInAsync(string password = TestPassword) =>
        SubmitAccountFormAsync(LoginPath, new() { ["Email"] = Email, ["Password"] = password });

    /// <summary>Posts the layout's sign-out form; the browser ends on the sign-in page.</summary>
    public async Task SignOutAsync()
    {
        using var response = await PostFormAsync("/Account/Logout", []);
        var page = await ReadAsync(response);
        Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath == LoginPath, "sign-out should end on the sign-in page, not:\n" + page.Html);
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

    /// <summary>Posts a sign-up or sign-in form, which signs the user in and ends on the connection page.</summary>
    private async Task SubmitAccountFormAsync(string path, Dictionary<string, string> fields)
    {
        var form = await GetAsync(path);
        using var response = await PostAsync(path, AntiforgeryTokenIn(form.Html), fields);
        var page = await ReadAsync(response);
        Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath == ConnectionPath, $"{path} should end on the connection page, not:\n" + page.Html);

        // A token issued for the signed-in user serves every later form of this session.
        _antiforgeryToken = AntiforgeryTokenIn(page.Html);
        TenantId = await app.TenantOfAsync(Email);
    }

    private static string AntiforgeryTokenIn(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token:\n" + html);
}
