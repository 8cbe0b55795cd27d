using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.ConformanceKit.Inspection;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>
/// R-A11Y-1. This part judges that the status region is announced; the axe-core scan of the page in every
/// state (serious and critical violations) is added here by issue 9, as more observations of the same check.
/// </summary>
public static class AccessibilityChecks
{
    public static async Task JudgeStatusAnnouncedAsync(FlowContext context)
    {
        var status = await context.ResolveAsync(LocatorName.StatusRegion, CheckCatalogue.State1);
        var announced = await status.EvaluateAsync<string?>("""
            el => {
              for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
                const role = (node.getAttribute('role') || '').toLowerCase();
                const live = (node.getAttribute('aria-live') || '').toLowerCase();
                if (['status', 'alert', 'log'].includes(role)) return 'role=' + role;
                if (live === 'polite' || live === 'assertive') return 'aria-live=' + live;
              }
              return null;
            }
            """);
        var html = await status.EvaluateAsync<string>("el => el.outerHTML.slice(0, 300)");
        await context.JudgeAsync(
            CheckCatalogue.A11y1,
            announced is not null,
            announced is not null
                ? $"The status region is announced ({announced})."
                : "The status region has no role=status/alert/log and no aria-live, so screen readers do not announce state changes.",
            html);
    }
}
