using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Flows;
using PleoUxGuard.FakePleo;

namespace PleoUxGuard.ConformanceKit.Checks;

/// <summary>R-INPUT-1 to R-INPUT-5: the key field and the guidance around it.</summary>
public static partial class InputChecks
{
    private static readonly SemaphoreSlim ClipboardTurn = new(1, 1);

    /// <summary>
    /// R-INPUT-1: one visible, editable input or text area of its own. A text field that is disabled or read-only
    /// when found gets up to a step to become editable: a Blazor page prerenders it disabled until its circuit is
    /// up, and single-page apps enable their form once they have loaded its status.
    /// </summary>
    public static async Task JudgeDedicatedAsync(FlowContext context, ILocator keyField)
    {
        await WaitUntilEditableAsync(keyField, context.StepTimeout);
        var facts = await keyField.EvaluateAsync<string[]>("""
            el => [el.tagName.toLowerCase(), (el.getAttribute('type') || '').toLowerCase(), String(!el.disabled && !el.readOnly), el.outerHTML.slice(0, 300)]
            """);
        var (tag, type, editable, html) = (facts[0], facts[1], facts[2] == "true", facts[3]);
        var isField = tag == "textarea" || (tag == "input" && type is "" or "text" or "password");
        await context.JudgeAsync(
            CheckCatalogue.Input1,
            isField && editable,
            isField && editable ? $"The key field is an editable <{tag}>." : isField ? "The key field is not editable." : $"The key field is a <{tag}{(type.Length > 0 ? " type=" + type : string.Empty)}>, not a text input.",
            html);
    }

    /// <summary>Waits (Playwright's own polling) until a text field is editable; returns at once for other elements, and after the timeout when it never is.</summary>
    private static async Task WaitUntilEditableAsync(ILocator keyField, TimeSpan timeout)
    {
        var textField = await keyField.EvaluateAsync<bool>("el => el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && ['', 'text', 'password'].includes((el.getAttribute('type') || '').toLowerCase()))");
        if (!textField)
        {
            return;
        }

        try
        {
            await Assertions.Expect(keyField).ToBeEditableAsync(new() { Timeout = FlowContext.Milliseconds(timeout) });
        }
        catch (PlaywrightException)
        {
            // Still not editable after a step: judged below as it is.
        }
    }

    /// <summary>R-INPUT-2: the accessible name or description says the key is a secret.</summary>
    public static async Task JudgeLabelledSecretAsync(FlowContext context, ILocator keyField)
    {
        var name = await AccessibleTextAsync(keyField);
        var passed = SecretCue().IsMatch(name);
        await context.JudgeAsync(
            CheckCatalogue.Input2,
            passed,
            passed ? "The field's label says the key is a secret credential." : "The field's label and description do not say the key is a secret (secret, credential, confidential, private, sensitive).",
            name);
    }

    /// <summary>
    /// R-INPUT-3: puts the key on the browser's clipboard and pastes it with the keyboard, as a user would.
    /// When pasting fails the key is typed in, so the rest of the flow still runs.
    /// </summary>
    public static async Task PasteAndJudgeAsync(FlowContext context, ILocator keyField, MintedKey key)
    {
        await keyField.FillAsync(string.Empty);
        bool pasted;

        // The clipboard belongs to the browser, not to a context: flows in parallel contexts take turns.
        await ClipboardTurn.WaitAsync();
        try
        {
            await context.Page.EvaluateAsync("text => navigator.clipboard.writeText(text)", key.Value);
            await keyField.FocusAsync();
            await context.Page.Keyboard.PressAsync("ControlOrMeta+V");
            pasted = await keyField.EvaluateAsync<bool>("(el, expected) => el.value === expected", key.Value);
        }
        finally
        {
            ClipboardTurn.Release();
        }

        await context.JudgeAsync(
            CheckCatalogue.Input3,
            pasted,
            pasted ? "Pasting the key with Ctrl+V put the whole key in the field." : "After pasting with Ctrl+V the field does not hold the key (is paste blocked or the value cut?).",
            await keyField.EvaluateAsync<string>("el => el.outerHTML.slice(0, 300)"));
        if (!pasted)
        {
            await keyField.FillAsync(key.Value);
        }
    }

    /// <summary>R-INPUT-4: the key is masked while it is in the field.</summary>
    public static async Task JudgeMaskedAsync(FlowContext context, ILocator keyField)
    {
        var masking = await keyField.EvaluateAsync<string?>("""
            el => {
              if ((el.getAttribute('type') || '').toLowerCase() === 'password') return 'type=password';
              const security = getComputedStyle(el).webkitTextSecurity;
              return security && security !== 'none' ? '-webkit-text-security: ' + security : null;
            }
            """);
        await context.JudgeAsync(
            CheckCatalogue.Input4,
            masking is not null,
            masking is not null ? $"The key is masked while typed ({masking})." : "The key is readable while typed: the field is not type=password and does not mask its text.",
            await keyField.EvaluateAsync<string>("el => el.outerHTML.replace(/ value=\"[^\"]*\"/, ' value=\"…\"').slice(0, 300)"));
    }

    /// <summary>R-INPUT-5: the four points of Pleo's recommended guidance are on the page.</summary>
    public static async Task JudgeGuidanceAsync(FlowContext context)
    {
        var text = await context.Page.InnerTextAsync("body");
        var missing = MissingGuidance(text);
        await context.JudgeAsync(
            CheckCatalogue.Input5,
            missing.Count == 0,
            missing.Count == 0 ? "The page gives all four points of Pleo's guidance." : $"The page does not say: {string.Join("; ", missing)}.",
            text.Length > 600 ? text[..600] + "…" : text);
    }

    /// <summary>The points of Pleo's guidance that <paramref name="text"/> does not give, in Pleo's words.</summary>
    public static IReadOnlyList<string> MissingGuidance(string text)
    {
        var cueText = ErrorChecks.PlainApostrophes(text);
        var missing = new List<string>();
        if (!(Regex.IsMatch(cueText, @"\bPleo\b", RegexOptions.IgnoreCase) && InstallationCue().IsMatch(cueText)))
        {
            missing.Add("generated by Pleo during installation");
        }

        if (!CompanyAccessCue().IsMatch(cueText))
        {
            missing.Add("grants company-level access");
        }

        if (!StoreSecurelyCue().IsMatch(cueText))
        {
            missing.Add("store it securely");
        }

        if (!ViewOnceCue().IsMatch(cueText))
        {
            missing.Add("cannot be viewed again");
        }

        return missing;
    }

    private static Task<string> AccessibleTextAsync(ILocator field) => field.EvaluateAsync<string>("""
        el => {
          const parts = [];
          const byIds = ids => (ids || '').split(/\s+/).filter(Boolean).map(id => document.getElementById(id)).filter(Boolean).map(n => n.innerText || n.textContent || '');
          parts.push(...byIds(el.getAttribute('aria-labelledby')));
          parts.push(el.getAttribute('aria-label') || '');
          if (el.labels) for (const label of el.labels) parts.push(label.innerText || label.textContent || '');
          parts.push(...byIds(el.getAttribute('aria-describedby')));
          parts.push(el.getAttribute('title') || '');
          return parts.filter(Boolean).join(' | ');
        }
        """);

    [GeneratedRegex(@"\b(secret|credential|confidential|private|sensitive)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretCue();

    [GeneratedRegex(@"\b(generated|created|issued|given|provided|shown)\b.{0,80}\binstall", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InstallationCue();

    [GeneratedRegex(@"\bcompany\b.{0,40}\baccess|\baccess\b.{0,40}\bcompany\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CompanyAccessCue();

    [GeneratedRegex(@"\b(store|keep|save)\b.{0,40}\b(secure|securely|safe|safely)\b|\bsecurely\b.{0,20}\bstore", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StoreSecurelyCue();

    [GeneratedRegex(@"\b(cannot|can't|can not|won't|will not|not be able to)\b.{0,40}\b(view|viewed|see|seen|shown|displayed|retrieve|retrieved)\b.{0,20}\bagain|\bonly (be )?shown once\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ViewOnceCue();
}
