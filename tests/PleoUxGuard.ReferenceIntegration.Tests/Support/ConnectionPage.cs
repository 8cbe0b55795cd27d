using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests.Support;

/// <summary>A page as the app sent it, read the way the conformance kit reads it: by role, label and text.</summary>
public sealed class ConnectionPage(HttpStatusCode statusCode, string html, IHtmlDocument document)
{
    public HttpStatusCode StatusCode => statusCode;

    public string Html => html;

    public IHtmlDocument Document => document;

    /// <summary>What the status region says on the answer to a submission that replaced a stored key.</summary>
    public static string ReplacedStatus(Guid companyId, string lastFour) =>
        $"{ConnectionStateLabels.Connected} Your API key was replaced. Pleo validated the new key (••••{lastFour}) and confirmed the company: Connected to Company ID: {companyId:D}.";

    /// <summary>The text of the one role="status" region.</summary>
    public string Status => Text(Assert.Single(document.QuerySelectorAll("[role=status]")));

    /// <summary>Each message (paragraph) inside the page's role="alert" elements, without titles and action links.</summary>
    public IReadOnlyList<string> Alerts => [.. document.QuerySelectorAll("[role=alert] p:not(.alert-title):not(.alert-action)").Select(Text)];

    public int AlertRegions => document.QuerySelectorAll("[role=alert]").Length;

    public string? CompanyLine => document.QuerySelectorAll("dd").Select(Text).FirstOrDefault(text => text.Contains("Company ID", StringComparison.Ordinal));

    public string? MaskedKey => document.QuerySelector(".masked-key") is { } element ? Text(element) : null;

    public IHtmlInputElement KeyField => (IHtmlInputElement)(document.QuerySelector("input#ApiKey") ?? throw new InvalidOperationException("No key field:\n" + html));

    public IReadOnlyList<string> ActionNames => [.. document.QuerySelectorAll("button, a").Select(Text)];

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
