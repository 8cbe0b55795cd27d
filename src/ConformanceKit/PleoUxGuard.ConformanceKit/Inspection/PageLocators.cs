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

    /// <summary>The profile's choice for a locator, or the default. The company id has no fixed default: see <see cref="CompanyId"/>.</summary>
    public LocatorChoice? ChoiceFor(LocatorName name) => name switch
    {
        LocatorName.KeyInput => _settings.KeyInput,
        LocatorName.ConnectButton => _settings.ConnectButton,
        LocatorName.UpdateAction => _settings.UpdateAction,
        LocatorName.StatusRegion => _settings.StatusRegion,
        LocatorName.CompanyId => _settings.CompanyId,
        LocatorName.ErrorMessage => _settings.ErrorMessage,
        _ => null,
    } ?? Defaults.GetValueOrDefault(name);

    /// <summary>All alternatives as one locator (visible elements only), for auto-waiting assertions.</summary>
    public ILocator Combined(LocatorName name) => Combine(_page, ChoiceFor(name)!);

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
        ResolveAsync(_page, ChoiceFor(name)!, FieldOf(name), timeout);

    /// <summary>Resolves any locator choice (also those of sign-in steps) on a page.</summary>
    public static async Task<ResolvedLocator> ResolveAsync(IPage page, LocatorChoice choice, string field, TimeSpan timeout)
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
            var count = await locator.CountAsync();
            if (count == 1)
            {
                return new ResolvedLocator(locator, choice.Alternatives[i], i);
            }

            if (count > 1)
            {
                throw new LocatorProblemException(field, choice, count);
            }
        }

        // It was visible a moment ago and is gone now: the page changed under us; treat as not found.
        throw new LocatorProblemException(field, choice, 0);
    }

    /// <summary>How many visible elements each alternative matches right now (for doctor).</summary>
    public static async Task<IReadOnlyList<int>> CountEachAsync(IPage page, LocatorChoice choice)
    {
        var counts = new List<int>();
        foreach (var spec in choice.Alternatives)
        {
            counts.Add(await ToLocator(page, spec).Filter(new() { Visible = true }).CountAsync());
        }

        return counts;
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

    private static ILocator Combine(IPage page, LocatorChoice choice)
    {
        var combined = ToLocator(page, choice.Alternatives[0]);
        foreach (var spec in choice.Alternatives.Skip(1))
        {
            combined = combined.Or(ToLocator(page, spec));
        }

        return combined.Filter(new() { Visible = true });
    }

    private static LocatorChoice Default(params LocatorSpec[] specs) => new(specs, isDefault: true);
}
