using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// Pleo's install modal, simulated: the integration's requested permissions and Allow; then the new key,
/// shown once with a Copy button, and a "Go to &lt;integration&gt;" button. Demos use it so a newcomer
/// goes through the real install flow; the journal entry of the Allow carries the minted key's id.
/// </summary>
internal sealed class InstallSimulator(KeyRegistry keys, FakePleoOptions options)
{
    private const string Consent = "/install";
    private const string Allow = "/install/allow";

    public async Task<ApiOutcome> HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        if (path == Consent && HttpMethods.IsGet(method))
        {
            var companyId = context.Request.Query["companyId"].ToString();
            return await PageAsync(context, StatusCodes.Status200OK, ConsentPage(Guid.TryParse(companyId, out var id) ? id : null), null).ConfigureAwait(false);
        }

        if (path == Allow && HttpMethods.IsPost(method))
        {
            Guid? companyId = null;
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                companyId = Guid.TryParse(form["companyId"].ToString(), out var id) ? id : null;
            }

            var key = keys.MintValid(companyId);
            return await PageAsync(context, StatusCodes.Status200OK, KeyPage(key), keys.StateOfId(key.Id)).ConfigureAwait(false);
        }

        if (path is Consent or Allow)
        {
            var allowed = path == Consent ? HttpMethods.Get : HttpMethods.Post;
            context.Response.Headers.Allow = allowed;
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, $"{path} answers {allowed} only.").ConfigureAwait(false);
            return new ApiOutcome(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed);
        }

        await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "The install simulator is at GET /install.").ConfigureAwait(false);
        return new ApiOutcome(StatusCodes.Status404NotFound, ErrorCodes.NotFound);
    }

    private static async Task<ApiOutcome> PageAsync(HttpContext context, int status, string html, KeyState? key)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = bytes.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'";
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        return new ApiOutcome(status, null, key);
    }

    private string ConsentPage(Guid? companyId)
    {
        var app = Encode(options.ApplicationName);
        var scopes = new StringBuilder();
        foreach (var scope in keys.RequestedScopes)
        {
            scopes.Append("<li><code>").Append(Encode(scope)).Append("</code></li>");
        }

        var company = companyId is { } id ? $"<input type=\"hidden\" name=\"companyId\" value=\"{id}\">" : string.Empty;
        var cancel = options.IntegrationUrl is { } url
            ? $"<a class=\"secondary\" href=\"{Encode(url.AbsoluteUri)}\">Cancel</a>"
            : string.Empty;
        return Layout($"Install {app}", $"""
            <h1>Install {app}</h1>
            <p>{app} asks for these permissions on your company's Pleo account:</p>
            <ul aria-label="Requested permissions">{scopes}</ul>
            <form method="post" action="/install/allow">
              {company}
              <button type="submit" id="allow">Allow</button>
              {cancel}
            </form>
            """);
    }

    private string KeyPage(MintedKey key)
    {
        var app = Encode(options.ApplicationName);
        var goTo = options.IntegrationUrl is { } url
            ? $"<a class=\"button\" id=\"go-to-integration\" href=\"{Encode(url.AbsoluteUri)}\">Go to {app}</a>"
            : $"<button type=\"button\" id=\"go-to-integration\" disabled>Go to {app}</button><p class=\"note\">No integration URL was configured for this fake Pleo.</p>";
        return Layout($"{{app}} installed", $$"""
            <h1>{{app}} is installed</h1>
            <p>Copy this API key and paste it into {{app}}. It is shown only once: Pleo cannot show it again.</p>
            <label for="api-key">API key</label>
            <div class="key-row" data-key-id="{{Encode(key.Id)}}">
              <input id="api-key" type="text" readonly value="{{Encode(key.Value)}}" autocomplete="off" spellcheck="false">
              <button type="button" id="copy-key">Copy</button>
            </div>
            <p id="copy-status" role="status" aria-live="polite"></p>
            {{goTo}}
            <script>
              document.getElementById('copy-key').addEventListener('click', async () => {
                const field = document.getElementById('api-key');
                const status = document.getElementById('copy-status');
                try {
                  await navigator.clipboard.writeText(field.value);
                } catch {
                  field.select();
                  document.execCommand('copy');
                }
                status.textContent = 'Copied to the clipboard.';
              });
            </script>
            """);
    }

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}} · Pleo (fake)</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
            button, a.button { font: inherit; padding: .6rem 1.2rem; border-radius: .5rem; border: 0; background: #1d1d1f; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
            button[disabled] { background: #999; cursor: not-allowed; }
            a.secondary { margin-left: 1rem; color: #1d1d1f; }
            .key-row { display: flex; gap: .5rem; margin: .5rem 0; }
            .key-row input { flex: 1; font-family: ui-monospace, monospace; padding: .5rem; }
            .note { color: #555; }
          </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
