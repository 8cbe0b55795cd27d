using System.Net;
using System.Text;
using PleoUxGuard.Shared;
using static PleoUxGuard.ConformanceKit.Tests.Fixtures.BrokenIntegration;

namespace PleoUxGuard.ConformanceKit.Tests.Fixtures;

/// <summary>The fixture's connection page, server-rendered; each fault changes one thing on it.</summary>
internal static class Page
{
    public static string Render(Tenant tenant, bool updating)
    {
        var key = tenant.Key;
        var html = new StringBuilder();
        var title = tenant.Has(Fault.LeakTitle) && key is not null ? $"Pleo {key}" : "Connect Pleo";
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body>");
        html.Append(tenant.Has(Fault.LeakAttribute) && key is not null ? $"<main data-key=\"{E(key)}\">" : "<main>");
        html.Append("<h1>Pleo</h1>");
        if (tenant.Has(Fault.LowContrast))
        {
            // Light grey on white (about 1.6:1): axe-core's color-contrast rule, impact serious.
            html.Append("<p style=\"color:#d0d0d0;background:#ffffff\">Questions? Our team is happy to help.</p>");
        }

        var label = LabelOf(tenant);
        var companyInStatus = tenant.Has(Fault.CompanyInStatus) && tenant.Status == Status.Connected && tenant.Company is not null;
        html.Append(companyInStatus
            ? $"<div id=\"status\" role=\"status\"><p>{E(label)}</p><p>Connected to Company ID: {tenant.Company}</p></div>"
            : tenant.Has(Fault.HiddenStatusCopyFirst)
            ? $"<div class=\"status\" hidden>{E(label)}</div><div id=\"status\" class=\"status\" role=\"status\">{E(label)}</div>"
            : tenant.Has(Fault.StatusNotAnnounced)
            ? $"<div id=\"status\" data-testid=\"status\">{E(label)}</div>"
            : tenant.Has(Fault.StatusFetchedAfterLoad)
                ? "<div id=\"status\" role=\"status\"></div><script>fetch('/api/status').then(r => r.json()).then(({ label }) => { const status = document.getElementById('status'); if (!status.textContent) status.textContent = label; });</script>"
                : $"<div id=\"status\" role=\"status\">{E(label)}</div>");

        // A dialog that opens again after a failure shows the message inside, with the form.
        var reopensWithMessage = (tenant.Has(Fault.KeyFormInDialog) || tenant.Has(Fault.DialogOpensLate)) && tenant.Status == Status.Failed;
        html.Append(Message(tenant, shown: !reopensWithMessage));

        if (tenant.Status == Status.Connected)
        {
            var hideCompany = tenant.Has(Fault.NoCompanyId) || (tenant.Has(Fault.NoCompanyAfterRotation) && tenant.Rotated);
            if (tenant.Company is { } company && !hideCompany && !companyInStatus)
            {
                html.Append($"<p>Connected to Company ID: {company}</p>");
            }

            var shown = tenant.Has(Fault.ShowsKeyAfterRecovery) && tenant.Recovered ? key![..]
                : tenant.Has(Fault.ShowsFirstFour) ? key![..4] + "••••"
                : tenant.Has(Fault.ShowsLastSix) ? "••••" + key![^6..]
                : "••••" + key![^4..];
            html.Append($"<p>API key: {E(shown)}</p>");
            if (tenant.Has(Fault.LeakHiddenInput))
            {
                html.Append($"<input type=\"hidden\" name=\"k\" value=\"{E(key)}\">");
            }

            if (tenant.Has(Fault.LeakPiece))
            {
                html.Append($"<span data-ref=\"{E(key.Substring(20, 6))}\"></span>");
            }

            if (tenant.Has(Fault.LeakFrame))
            {
                html.Append("<iframe src=\"/frame\" title=\"details\"></iframe>");
            }

            html.Append(LeakScript(tenant));
            html.Append(SocketScript(tenant));
            if (!tenant.Has(Fault.NoUpdateAction) && !updating)
            {
                html.Append("<p><a href=\"/connect?update=1\">Update API key</a></p>");
            }
        }

        if (tenant.Status == Status.ActionRequired && !tenant.Has(Fault.WarningWithoutReplace) && !updating)
        {
            html.Append("<p><a href=\"/connect?update=1\">Replace API key</a></p>");
        }

        var showForm = tenant.Status is Status.NotConnected or Status.Failed || updating;
        if (showForm && (tenant.Has(Fault.KeyFormInDialog) || tenant.Has(Fault.DialogClosesAfterFailure) || tenant.Has(Fault.DialogOpensLate)))
        {
            html.Append(Dialog(Message(tenant, shown: reopensWithMessage) + Form(tenant), open: updating || reopensWithMessage, late: tenant.Has(Fault.DialogOpensLate), lazy: updating));
        }
        else if (showForm && tenant.Has(Fault.KeyFormInExpander))
        {
            html.Append(Expander(Form(tenant), expanded: updating));
        }
        else if (showForm)
        {
            html.Append(Form(tenant));
        }

        if (tenant.Has(Fault.BannerCoversPage))
        {
            html.Append("<div style=\"position:fixed;inset:0;background:rgba(255,255,255,0.9)\"><p>We use cookies.</p></div>");
        }

        html.Append("</main>");
        html.Append(FetchScript(tenant));
        if (tenant.Has(Fault.ValidatesInBackground))
        {
            html.Append("<script>setInterval(async () => { const { label, message } = await (await fetch('/api/answer')).json();"
                + " const status = document.getElementById('status'); if (status.textContent !== label) status.textContent = label;"
                + " let alert = document.querySelector('[role=alert]');"
                + " if (message && !alert) { alert = document.createElement('div'); alert.setAttribute('role', 'alert'); status.after(alert); }"
                + " if (alert && alert.textContent !== message) alert.textContent = message; }, 200);</script>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    // Outside main: the in-place answer replaces main's content, and scripts parsed from the answer do not run.
    private static string FetchScript(Tenant tenant)
    {
        string? answer =
            tenant.Has(Fault.AnswersInPlace) ? "const next = new DOMParser().parseFromString(html, 'text/html').querySelector('main'); document.querySelector('main').replaceChildren(...next.childNodes);"
            : tenant.Has(Fault.LoadsPageAfterAnswer) ? "location.assign('/connect');"
            : tenant.Has(Fault.IgnoresAnswer) ? "void html;"
            : tenant.Has(Fault.KeepsKeyAfterFailure)
                ? "const next = new DOMParser().parseFromString(html, 'text/html'), alert = next.querySelector('[role=alert]');"
                    + " if (alert) { document.querySelectorAll('[role=alert]').forEach(old => old.remove()); document.getElementById('status').replaceWith(next.getElementById('status')); document.getElementById('status').after(alert); }"
                    + " else document.querySelector('main').replaceChildren(...next.querySelector('main').childNodes);"
            : null;
        if (answer is null)
        {
            return string.Empty;
        }

        var busy = tenant.Has(Fault.IgnoresAnswer)
            ? "<p aria-hidden=\"true\"><span id=\"spinner\" style=\"display:inline-block\">*</span> <span id=\"ticker\">Page open</span></p>"
                + "<script>(() => { const spinner = document.getElementById('spinner'), ticker = document.getElementById('ticker'); let turn = 0;"
                + " const spin = () => { spinner.style.transform = `rotate(${turn++ % 360}deg)`; requestAnimationFrame(spin); }; requestAnimationFrame(spin);"
                + " setInterval(() => ticker.replaceChildren(document.createTextNode('Page open')), 100); })();</script>"
            : string.Empty;
        return busy + "<script>document.addEventListener('submit', async event => { event.preventDefault();"
            + " const response = await fetch('/connect', { method: 'POST', body: new URLSearchParams(new FormData(event.target)) });"
            + $" const html = await response.text(); {answer} }});</script>";
    }

    private static string Message(Tenant tenant, bool shown) =>
        !shown || tenant.Message is null || tenant.Has(Fault.StuckInProgressAfterFailure) ? string.Empty
        : tenant.Has(Fault.MessageWithoutAlertRole) ? $"<div class=\"message\">{E(tenant.Message)}</div>"
        // The generic message is a toast with its close button, whose label is no part of what it says.
        : tenant.Has(Fault.GenericInvalidMessage) ? $"<div role=\"alert\"><p>{E(tenant.Message)}</p><button type=\"button\">Dismiss</button></div>"
        : $"<div role=\"alert\">{E(tenant.Message)}</div>";

    // The opener stays visible behind the open modal, and its name also matches the default connectButton. A late page
    // keeps its opener disabled for 1 s, and on the update page opens the dialog only then, drawing the form a second
    // later (after a failure it shows the dialog with its message at once: the kit reads the answer as first shown).
    private static string Dialog(string content, bool open, bool late, bool lazy)
    {
        var opensLate = late && open && lazy;
        return $"<button type=\"button\" id=\"open-key-form\"{(late ? " disabled" : string.Empty)}>Connect to Pleo</button>"
            + $"<dialog id=\"key-form\" aria-labelledby=\"key-form-title\"><h2 id=\"key-form-title\">Connect to Pleo</h2>{(opensLate ? Lazy(content) : content)}</dialog>"
            + "<script>(() => { const dialog = document.getElementById('key-form'), opener = document.getElementById('open-key-form');"
            + " opener.addEventListener('click', () => dialog.showModal());"
            + (open && !opensLate ? " dialog.showModal();" : string.Empty)
            + (late ? " setTimeout(() => { opener.disabled = false;" + (opensLate ? " dialog.showModal(); setTimeout(drawLazy, 1000);" : string.Empty) + " }, 1000);" : string.Empty)
            + " })();</script>";
    }

    // A button toggling a section; the update page expands it at once and draws the form 1 s later, into the section
    // as it is then: a click meanwhile collapses it, and the form arrives hidden.
    private static string Expander(string content, bool expanded) =>
        $"<button type=\"button\" id=\"open-key-form\" aria-expanded=\"{(expanded ? "true" : "false")}\" aria-controls=\"key-form\">Connect to Pleo</button>"
        + $"<section id=\"key-form\"{(expanded ? string.Empty : " hidden")}>{(expanded ? Lazy(content) : content)}</section>"
        + "<script>(() => { const opener = document.getElementById('open-key-form'), section = document.getElementById('key-form');"
        + " opener.addEventListener('click', () => { const open = opener.getAttribute('aria-expanded') !== 'true';"
        + " opener.setAttribute('aria-expanded', String(open)); section.hidden = !open; });"
        + (expanded ? " setTimeout(drawLazy, 1000);" : string.Empty) + " })();</script>";

    // Content drawn later by drawLazy(): a template's clone, so that the form's scripts run when it is drawn.
    private static string Lazy(string content) =>
        $"<div id=\"lazy\">Loading…</div><template id=\"lazy-content\">{content}</template>"
        + "<script>function drawLazy() { document.getElementById('lazy').replaceWith(document.importNode(document.getElementById('lazy-content').content, true)); }</script>";

    /// <summary>The state label the status region shows for the tenant.</summary>
    public static string LabelOf(Tenant tenant) => tenant.Status switch
    {
        Status.Connected when tenant.Has(Fault.NoSuccessState) => ConnectionStateLabels.NotConnected,
        Status.Connected when tenant.Has(Fault.BlankStatusWhenConnected) => string.Empty,
        Status.Connected => ConnectionStateLabels.Connected,
        Status.Failed when tenant.Has(Fault.FailureShowsConnected) => ConnectionStateLabels.Connected,
        Status.Failed when tenant.Has(Fault.BlankStatusAfterFailure) => string.Empty,
        Status.Failed when tenant.Has(Fault.StuckInProgressAfterFailure) => ConnectionStateLabels.ValidationInProgress,
        Status.Failed when tenant.Has(Fault.TwoLabelsAfterFailure) => $"{ConnectionStateLabels.ConnectionFailed} / {ConnectionStateLabels.NotConnected}",
        Status.Failed => ConnectionStateLabels.ConnectionFailed,
        Status.ActionRequired => ConnectionStateLabels.ActionRequired,
        _ => ConnectionStateLabels.NotConnected,
    };

    private static string Form(Tenant tenant)
    {
        var html = new StringBuilder("<form method=\"post\" action=\"/connect\" id=\"connect-form\">");
        if (!tenant.Has(Fault.NoKeyLabel))
        {
            html.Append(tenant.Has(Fault.LabelNotSecret)
                ? "<label for=\"key\">Pleo API key</label>"
                : "<label for=\"key\">Pleo API key (secret credential)</label>");
        }

        var type = tenant.Has(Fault.UnmaskedInput) ? "text" : "password";
        var disabled = (tenant.Has(Fault.FieldDisabledAfterFailure) && tenant.Status == Status.Failed) || tenant.Has(Fault.FieldAlwaysDisabled) || tenant.Has(Fault.FieldEnabledLate) ? " disabled" : string.Empty;
        var paste = tenant.Has(Fault.BlocksPaste) ? " onpaste=\"return false\"" : string.Empty;
        var placeholder = tenant.Has(Fault.NoKeyLabel) ? " placeholder=\"Paste here\"" : string.Empty;
        html.Append($"<input id=\"key\" name=\"key\" type=\"{type}\" autocomplete=\"off\" spellcheck=\"false\"{placeholder}{disabled}{paste}>");
        if (!tenant.Has(Fault.NoGuidance))
        {
            html.Append("<p>This key was generated by Pleo during the installation of the integration. It grants company-level access to your Pleo account, so store it securely: it cannot be viewed again after saving.</p>");
        }

        html.Append("<button type=\"submit\">Connect</button></form>");
        html.Append(SocketScript(tenant));
        if (tenant.Has(Fault.FieldEnabledLate))
        {
            html.Append("<script>addEventListener('load', () => setTimeout(() => { document.getElementById('key').disabled = false; }, 1500));</script>");
        }

        var showProgress = !tenant.Has(Fault.NoProgressState) && !(tenant.Has(Fault.NoProgressOnRotation) && tenant.Status == Status.Connected);
        if (showProgress)
        {
            var progress = tenant.Has(Fault.TwoLabelsWhileValidating)
                ? $"{ConnectionStateLabels.NotConnected} / {ConnectionStateLabels.ValidationInProgress}"
                : ConnectionStateLabels.ValidationInProgress;
            html.Append($"<script>document.getElementById('connect-form').addEventListener('submit', () => {{ document.getElementById('status').textContent = '{progress}'; }});</script>");
        }

        return html.ToString();
    }

    // Client-side leaks read the key from /api/echo, so it never sits in a script's source (that would be a second leak).
    private static string LeakScript(Tenant tenant)
    {
        string? use =
            tenant.Has(Fault.LeakConsole) ? "console.log('connected with ' + v)"
            : tenant.Has(Fault.LeakUrl) ? "history.replaceState(null, '', '/connect?k=' + v)"
            : tenant.Has(Fault.LeakLocalStorage) ? "localStorage.setItem('pleo', v)"
            : tenant.Has(Fault.LeakSessionStorage) ? "sessionStorage.setItem('pleo', v)"
            : tenant.Has(Fault.LeakShadowDom) ? "const host = document.createElement('div'); host.attachShadow({ mode: 'open' }).innerHTML = '<span data-k=\"' + v + '\">key</span>'; document.body.append(host)"
            : tenant.Has(Fault.LeakResponse) ? "void v"
            : null;
        return use is null
            ? string.Empty
            : $"<p id=\"leak-done\" hidden></p><script>fetch('/api/echo').then(r => r.json()).then(({{ v }}) => {{ {use}; document.getElementById('leak-done').setAttribute('data-done', '1'); }});</script>";
    }

    // The page's WebSocket (/ws): it sends the key field's value as the user types, as a Blazor page does with a bound
    // input, and marks #socket-done once the server's frames have arrived. What the server sends back is BrokenIntegration's.
    private static string SocketScript(Tenant tenant) =>
        tenant.Has(Fault.LeakWebSocketText) || tenant.Has(Fault.LeakWebSocketBinary) || tenant.Has(Fault.WebSocketWithoutKey)
            ? "<p id=\"socket-done\" hidden></p><script>(() => { const socket = new WebSocket(location.origin.replace('http', 'ws') + '/ws'); socket.binaryType = 'arraybuffer'; let received = 0;"
                + " socket.onmessage = () => { if (++received === 2) document.getElementById('socket-done').setAttribute('data-done', '1'); };"
                + " const key = document.getElementById('key'); if (key) key.addEventListener('input', () => { if (socket.readyState === 1) socket.send(JSON.stringify({ key: key.value })); }); })();</script>"
            : string.Empty;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
