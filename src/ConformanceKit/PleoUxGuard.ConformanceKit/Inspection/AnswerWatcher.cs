using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Tells when a page has answered a submitted key, also when the answer shows the very text the page showed at the
/// click (the same error again, a form post answered with the same page, an alert drawn again in place). The page
/// has answered once, after the click:
/// <list type="number">
/// <item>its visible text differs from the text at the click; or</item>
/// <item>a new document is loaded (a form post's answer, a redirect): the old document's window was marked at the
/// click and a new one has no mark; it counts when it was created after Pleo answered, or when Pleo was not
/// asked; or</item>
/// <item>after Pleo answered, the page added, removed or rewrote nodes in an announced region (role status, alert or
/// log, an aria-live region other than off, an output element), or added or removed an element holding one.</item>
/// </list>
/// The third rule counts only what happened after Pleo's answer: what a page draws before it (Validation in
/// progress) is not its answer. It compares the page's clock (<c>Date.now()</c>) with the time the fake Pleo
/// journaled its answer, which it does before it sends it: browser and fake run on the same machine, so on the
/// same clock. Attribute changes do not count (a script animation changes a style on every frame), nor do changes
/// outside announced regions (a ticker, a list refreshed by polling): a page that mutates on its own would end the
/// wait before it answered. Announced regions are where a page shows its outcome (the status must be announced,
/// UXK-A11Y-1; the default error message is role=alert); a page that rewrites one on its own (a poll that sets the
/// same status text again) can still end the wait early, and the kit then waits for Validation in progress to end.
/// A page that changes nothing at all cannot be told from one that has not answered: it is waited for up to the
/// validation timeout.
/// </summary>
internal static class AnswerWatcher
{
    private const string StateName = "__pleoUxGuardAnswer";
    private const string MarkName = "__pleoUxGuardSubmission";

    /// <summary>
    /// Marks the page's window with <c>mark</c> (the argument) and returns the page's visible text, in one evaluation
    /// so both belong to the same document.
    /// </summary>
    public const string MarkScript = $$"""
        mark => {
          window.{{MarkName}} = mark;
          return document.body ? document.body.innerText : '';
        }
        """;

    /// <summary>
    /// True once the page has answered (the rules above); its argument is <c>{ mark, before, answeredAt }</c>, where
    /// <c>answeredAt</c> is when Pleo answered in Unix milliseconds (truncated), or null when Pleo was not asked.
    /// A change in the same millisecond as Pleo's answer does not count: it may have come before it.
    /// </summary>
    public const string AnsweredScript = $$"""
        ({ mark, before, answeredAt }) => {
          if (document.body && document.body.innerText !== before) return true;
          const state = window.{{StateName}};
          if (window.{{MarkName}} !== mark && (answeredAt === null || !state || state.createdAt > answeredAt)) return true;
          return answeredAt !== null && !!state && state.announcedChangedAt > answeredAt;
        }
        """;

    /// <summary>Installs, in every document of the context before its scripts run, when it was created and when its announced regions last changed.</summary>
    public static Task AttachAsync(IBrowserContext context) => context.AddInitScriptAsync($$"""
        (() => {
          if (window.{{StateName}}) return;
          const state = { createdAt: Date.now(), announcedChangedAt: 0 };
          Object.defineProperty(window, '{{StateName}}', { value: state });
          const selector = '{{PageTextWatcher.LiveRegionSelector}}';
          const inRegion = node => {
            const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
            return !!element && element.closest(selector) !== null;
          };
          const holdsRegion = node => node.nodeType === Node.ELEMENT_NODE && (node.matches(selector) || node.querySelector(selector) !== null);
          new MutationObserver(records => {
            if (records.some(r => inRegion(r.target) || [...r.addedNodes].some(holdsRegion) || [...r.removedNodes].some(holdsRegion))) {
              state.announcedChangedAt = Date.now();
            }
          }).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """);
}
