using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>A locator choice resolved on a page: the Playwright locator and which alternative matched.</summary>
public sealed record ResolvedLocator(ILocator Locator, LocatorSpec Matched, int Alternative);

/// <summary>
/// Turns the profile's locators, or the kit's accessible defaults, into Playwright locators. Only visible
/// elements count, and the first alternative that matches wins.
/// </summary>
public sealed class PageLocators
{
    /// <summary>The accessible defaults every integration is expected to meet without configuration.</summary>
    public static readonly IReadOnlyDictionary<LocatorName, LocatorChoice> Defaults = new Dictionary<LocatorName, LocatorChoice>
    {
        [LocatorName.KeyInput] = Default(new LocatorSpec { Label = TextPattern.Parse("/api key/i") }),
        [LocatorName.ConnectButton] = Default(new LocatorSpec { Role = "button", Name = TextPattern.Parse("/^\\s*(connect|save)/i") }),
        [LocatorName.UpdateAction] = Default(
            new LocatorSpec { Role = "button", Name = TextPattern.Parse("/update api key|reconnect|replace api key/i") },
            new LocatorSpec { Role = "link", Name = TextPattern.Parse("/update api key|reconnect|replace api key/i") }),
        [LocatorName.StatusRegion] = Default(
            new LocatorSpec { Role = "status" },
            new LocatorSpec { Css = "[aria-live]:not([aria-live='off'])" }),
        [LocatorName.ErrorMessage] = Default(new LocatorSpec { Role = "alert" }),
    };

    private readonly IPage _page;
    private readonly LocatorSettings _settings;

    public PageLocators(IPage page, LocatorSettings settings)
    {
        _page = page;
        _settings = settings;
    }

    /// <summary>The profile field name of a locator, for messages.</summary>
    public static string FieldOf(LocatorName name) => "locators." + char.ToLowerInvariant(name.ToString()[0]) + name.ToString()[1..];

    /// <summary>
    /// The profile's choice for a locator, or the default. The company id has no fixed default (see <see cref="CompanyId"/>);
    /// the key form's opener has none at all (null when the profile does not set it).
    /// </summary>
    public LocatorChoice? ChoiceFor(LocatorName name) => name switch
    {
        LocatorName.KeyInput => _settings.KeyInput,
        LocatorName.OpenKeyForm => _settings.OpenKeyForm,
        LocatorName.ConnectButton => _settings.ConnectButton,
        LocatorName.UpdateAction => _settings.UpdateAction,
        LocatorName.StatusRegion => _settings.StatusRegion,
        LocatorName.CompanyId => _settings.CompanyId,
        LocatorName.ErrorMessage => _settings.ErrorMessage,
        _ => null,
    } ?? Defaults.GetValueOrDefault(name);

    /// <summary>All alternatives as one locator (visible elements only), for auto-waiting assertions.</summary>
    public ILocator Combined(LocatorName name) => Combine(_page, ChoiceFor(name)!);

    /// <summary>All alternatives as one locator, hidden elements too (a key field in a dialog the page closed still holds its value).</summary>
    public ILocator CombinedWithHidden(LocatorName name) => AnyOf(_page, ChoiceFor(name)!);

    /// <summary>
    /// The element showing the company id: the profile's locator, else any text on the page that
    /// contains it.
    /// </summary>
    public ILocator CompanyId(Guid companyId) =>
        _settings.CompanyId is { } choice
            ? Combine(_page, choice).Filter(new() { HasTextString = companyId.ToString() })
            : _page.GetByText(companyId.ToString()).Filter(new() { Visible = true });

    /// <summary>Waits until the locator matches a visible element and returns the alternative that matched.</summary>
    /// <exception cref="LocatorProblemException">Nothing visible matched in time, or several elements did.</exception>
    public Task<ResolvedLocator> ResolveAsync(LocatorName name, TimeSpan timeout) =>
        ResolveAsync(_page, ChoiceFor(name)!, FieldOf(name), timeout, NotCounted(name));

    /// <summary>
    /// When the profile sets locators.openKeyForm, waits (one wait) until the key field or that control is visible, and
    /// returns the control when the field is not, for the caller to click. Null when the field shows or no opener is set.
    /// </summary>
    /// <exception cref="LocatorProblemException">Neither showed in time (the message names both), or the opener matches several elements.</exception>
    public async Task<ResolvedLocator?> KeyFormOpenerAsync(TimeSpan timeout)
    {
        if (_settings.OpenKeyForm is not { } opener)
        {
            return null;
        }

        var field = Combined(LocatorName.KeyInput);
        try
        {
            await field.Or(Combine(_page, opener)).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            throw new LocatorProblemException(
                FieldOf(LocatorName.KeyInput),
                ChoiceFor(LocatorName.KeyInput)!,
                0,
                $", nor the control that shows it ({FieldOf(LocatorName.OpenKeyForm)}: {opener.Describe()})");
        }

        if (await field.CountAsync() > 0)
        {
            return null;
        }

        var resolved = await ResolveAsync(_page, opener, FieldOf(LocatorName.OpenKeyForm), timeout);

        // A disabled opener belongs to a page that is not interactive yet (a Blazor page before its circuit is up),
        // which may open the form itself once it is: the kit's click would wait for the opener and land on that
        // dialog. Wait until the opener can be clicked or the field shows; a click on an opener that stays disabled
        // then fails with Playwright's reason.
        try
        {
            await field.Or(resolved.Locator.And(_page.Locator(":not([disabled]):not([aria-disabled='true'])")))
                .First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            return resolved;
        }

        return await field.CountAsync() > 0 ? null : resolved;
    }

    /// <summary>
    /// Why clicking the key form's opener now would close or miss a form the page is already showing, or null: the
    /// opener reports itself expanded (aria-expanded, an open &lt;details&gt;), or a modal is open (a dialog opened with
    /// showModal(), a visible aria-modal element), which would take the click. The field is then being drawn (a lazy
    /// component, a fetch) and the kit waits for it instead.
    /// </summary>
    public static Task<string?> KeyFormOpeningAsync(ResolvedLocator opener) =>
        opener.Locator.EvaluateAsync<string?>(
            """
            opener => {
              if (opener.getAttribute('aria-expanded') === 'true') return 'it reports aria-expanded=true';
              const details = opener.closest('details');
              if (details && details.open && opener.closest('summary')?.parentElement === details) return 'its <details> is open';
              const shown = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
              const modal = element => element.localName === 'dialog' ? element.matches(':modal') : element.getAttribute('aria-modal') === 'true';
              return [...document.querySelectorAll('dialog[open], [aria-modal=true]')].some(element => modal(element) && shown(element)) ? 'a modal is open' : null;
            }
            """);

    /// <summary>Resolves any locator choice (also those of sign-in steps) on a page.</summary>
    /// <param name="notCounted">Elements that never count as a match, or null.</param>
    public static async Task<ResolvedLocator> ResolveAsync(IPage page, LocatorChoice choice, string field, TimeSpan timeout, ILocator? notCounted = null)
    {
        try
        {
            await Combine(page, choice).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            throw new LocatorProblemException(field, choice, 0);
        }

        for (var i = 0; i < choice.Alternatives.Count; i++)
        {
            var locator = ToLocator(page, choice.Alternatives[i]).Filter(new() { Visible = true });
            var counted = await CountedAsync(locator, notCounted);
            if (counted.Count == 1)
            {
                return new ResolvedLocator(notCounted is null ? locator : locator.Nth(counted[0]), choice.Alternatives[i], i);
            }

            if (counted.Count > 1)
            {
                throw new LocatorProblemException(field, choice, counted.Count);
            }
        }

        // It was visible a moment ago and is gone now: the page changed under us; treat as not found.
        throw new LocatorProblemException(field, choice, 0);
    }

    /// <summary>How many visible elements each alternative of a locator matches right now, as resolving counts them (for doctor).</summary>
    public async Task<IReadOnlyList<int>> CountEachAsync(LocatorName name)
    {
        var counts = new List<int>();
        foreach (var spec in ChoiceFor(name)!.Alternatives)
        {
            counts.Add((await CountedAsync(ToLocator(_page, spec).Filter(new() { Visible = true }), NotCounted(name))).Count);
        }

        return counts;
    }

    /// <summary>
    /// How many visible elements the locator's alternatives match that do not count (the key form's opener, for
    /// connectButton), for doctor: otherwise a tester sees fewer matches than the page has and cannot tell why.
    /// </summary>
    public async Task<int> NotCountedCountAsync(LocatorName name)
    {
        if (NotCounted(name) is null)
        {
            return 0;
        }

        var all = 0;
        foreach (var spec in ChoiceFor(name)!.Alternatives)
        {
            all += await ToLocator(_page, spec).Filter(new() { Visible = true }).CountAsync();
        }

        return all - (await CountEachAsync(name)).Sum();
    }

    /// <summary>
    /// Elements that never count for <paramref name="name"/>: the key form's opener is not the Connect button, although a
    /// "Connect to Pleo" opener that stays visible behind its dialog matches the default connectButton.
    /// </summary>
    private ILocator? NotCounted(LocatorName name) =>
        name == LocatorName.ConnectButton && _settings.OpenKeyForm is { } opener ? Combine(_page, opener) : null;

    /// <summary>The positions of the elements <paramref name="locator"/> matches that <paramref name="notCounted"/> does not.</summary>
    private static async Task<IReadOnlyList<int>> CountedAsync(ILocator locator, ILocator? notCounted)
    {
        if (notCounted is null)
        {
            return Enumerable.Range(0, await locator.CountAsync()).ToList();
        }

        var excluded = await notCounted.ElementHandlesAsync();
        try
        {
            return await locator.EvaluateAllAsync<int[]>("(elements, excluded) => elements.flatMap((element, i) => excluded.includes(element) ? [] : [i])", excluded);
        }
        finally
        {
            foreach (var handle in excluded)
            {
                await handle.DisposeAsync();
            }
        }
    }

    /// <summary>One spec as a Playwright locator, using Playwright's accessible queries where it can.</summary>
    public static ILocator ToLocator(IPage page, LocatorSpec spec)
    {
        if (spec.Role is not null)
        {
            var role = Enum.Parse<AriaRole>(spec.Role, ignoreCase: true);
            return spec.Name is null
                ? page.GetByRole(role)
                : spec.Name.Regex is { } regex
                    ? page.GetByRole(role, new() { NameRegex = regex })
                    : page.GetByRole(role, new() { NameString = spec.Name.Text });
        }

        if (spec.Label is not null)
        {
            // A label names a field; without this, a section or region labelled "API key" would match too.
            var labelled = spec.Label.Regex is { } regex ? page.GetByLabel(regex) : page.GetByLabel(spec.Label.Text!);
            return labelled.And(page.Locator("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role=textbox]"));
        }

        if (spec.TestId is not null)
        {
            return page.GetByTestId(spec.TestId);
        }

        if (spec.Text is not null)
        {
            return spec.Text.Regex is { } regex ? page.GetByText(regex) : page.GetByText(spec.Text.Text!);
        }

        return page.Locator(spec.Css!);
    }

    private static ILocator Combine(IPage page, LocatorChoice choice) => AnyOf(page, choice).Filter(new() { Visible = true });

    private static ILocator AnyOf(IPage page, LocatorChoice choice)
    {
        var combined = ToLocator(page, choice.Alternatives[0]);
        foreach (var spec in choice.Alternatives.Skip(1))
        {
            combined = combined.Or(ToLocator(page, spec));
        }

        return combined;
    }

    private static LocatorChoice Default(params LocatorSpec[] specs) => new(specs, isDefault: true);
}
