namespace PleoUxGuard.ConformanceKit.Tests.Fixtures;

/// <summary>
/// The fault switches of <see cref="BrokenIntegration"/>: each breaks one requirement (and what must follow
/// from it). A tenant gets its faults at sign-in, so one running fixture serves every fault at once.
/// </summary>
public static class Fault
{
    public const string NoKeyLabel = "no-key-label";
    public const string LabelNotSecret = "label-not-secret";
    public const string BlocksPaste = "blocks-paste";
    public const string UnmaskedInput = "unmasked-input";
    public const string NoGuidance = "no-guidance";
    public const string SavesWithoutValidation = "saves-without-validation";
    public const string NoProgressState = "no-progress-state";
    public const string NoSuccessState = "no-success-state";
    public const string NoCompanyId = "no-company-id";
    public const string ShowsFirstFour = "shows-first-four";
    public const string ShowsLastSix = "shows-last-six";
    public const string KeyInPleoUrl = "key-in-pleo-url";
    public const string GenericInvalidMessage = "generic-invalid-message";
    public const string SameMessageForPermission = "same-message-for-permission";
    public const string NoRecoveryAction = "no-recovery-action";
    public const string MessageWithoutAlertRole = "message-without-alert-role";
    public const string FailureShowsConnected = "failure-shows-connected";
    public const string FieldDisabledAfterFailure = "field-disabled-after-failure";

    /// <summary>Not a fault: the key field comes disabled and a script enables it 1.5 s after load (as a Blazor page does once its circuit is up).</summary>
    public const string FieldEnabledLate = "field-enabled-late";

    /// <summary>The key field is always disabled.</summary>
    public const string FieldAlwaysDisabled = "field-always-disabled";
    public const string OutageAsInvalidKey = "outage-as-invalid-key";
    public const string NoUpdateAction = "no-update-action";
    public const string NoProgressOnRotation = "no-progress-on-rotation";
    public const string NoCompanyAfterRotation = "no-company-after-rotation";
    public const string RotationFailureDisconnects = "rotation-failure-disconnects";

    /// <summary>
    /// As <see cref="RotationFailureDisconnects"/>, but the answer to the post still shows the previous connection:
    /// only opening the page again (a new document) shows that it was dropped.
    /// </summary>
    public const string RotationFailureDisconnectsQuietly = "rotation-failure-disconnects-quietly";
    public const string IgnoresRevocation = "ignores-revocation";

    /// <summary>Notices a revoked key (401) but takes a 403 on the page's re-check for nothing: the key lost a permission unseen.</summary>
    public const string IgnoresPermissionLoss = "ignores-permission-loss";

    /// <summary>Notices a lost permission (403 on the re-check) but warns as if the key had been revoked.</summary>
    public const string PermissionLossWarnedAsRevoked = "permission-loss-warned-as-revoked";
    public const string WarningWithoutReplace = "warning-without-replace";
    public const string ReplaceDoesNotRestore = "replace-does-not-restore";
    public const string BlankStatusAfterFailure = "blank-status-after-failure";

    /// <summary>After a failure, Connect asks Pleo nothing: the page comes back as it was (as a form whose script caches the failed result).</summary>
    public const string RetryNeverAsksPleo = "retry-never-asks-pleo";

    /// <summary>The key goes to Pleo as Basic base64(key), without the colon Pleo's format has after it.</summary>
    public const string HeaderWithoutColon = "header-without-colon";

    /// <summary>Once connected the status region is empty: the page cannot be read, though the key was taken.</summary>
    public const string BlankStatusWhenConnected = "blank-status-when-connected";

    /// <summary>After a failure the page still shows Validation in progress and no message (as an app whose circuit died does).</summary>
    public const string StuckInProgressAfterFailure = "stuck-in-progress-after-failure";
    public const string TwoLabelsWhileValidating = "two-labels-while-validating";
    public const string TwoLabelsAfterFailure = "two-labels-after-failure";
    public const string StatusNotAnnounced = "status-not-announced";

    /// <summary>
    /// Not a fault: once connected, the status region holds two paragraphs, the label and "Connected to Company ID: …"
    /// (the wording Pleo's guideline suggests), with nothing between them, so the label shows twice.
    /// </summary>
    public const string CompanyInStatus = "company-in-status";

    /// <summary>
    /// Not a fault: a hidden copy of the status (as a second layout's, hidden by CSS) comes before the real one, both
    /// with class "status", so a profile's css locator .status matches the hidden one first.
    /// </summary>
    public const string HiddenStatusCopyFirst = "hidden-status-copy-first";
    public const string LowContrast = "low-contrast";

    // Leaks of the saved key, one place each (R-VIS-1).
    public const string LeakAttribute = "leak-attribute";
    public const string LeakHiddenInput = "leak-hidden-input";
    public const string LeakTitle = "leak-title";
    public const string LeakUrl = "leak-url";
    public const string LeakConsole = "leak-console";
    public const string LeakResponse = "leak-response";
    public const string LeakShadowDom = "leak-shadow-dom";
    public const string LeakFrame = "leak-frame";
    public const string LeakLocalStorage = "leak-local-storage";
    public const string LeakSessionStorage = "leak-session-storage";
    public const string LeakCookie = "leak-cookie";
    public const string LeakPiece = "leak-piece";

    /// <summary>Once connected, the page opens a WebSocket and the server sends the key in a text frame (as a SignalR JSON message).</summary>
    public const string LeakWebSocketText = "leak-websocket-text";

    /// <summary>As <see cref="LeakWebSocketText"/>, in a binary frame: the key as a MessagePack string among other bytes (as Blazor's blazorpack).</summary>
    public const string LeakWebSocketBinary = "leak-websocket-binary";

    /// <summary>
    /// A key that connects after a failure or a warning (a retry, a key replaced from the warning) is shown whole where
    /// the page shows the key's last four: a first connect shows only those.
    /// </summary>
    public const string ShowsKeyAfterRecovery = "shows-key-after-recovery";

    /// <summary>Every error message (invalid key, missing permission, outage, rejected replacement) ends with the key that was submitted.</summary>
    public const string EchoesKeyInError = "echoes-key-in-error";

    // Not faults: conformant pages built differently, which the kit must judge as passing.

    /// <summary>The status region is drawn by a script from /api/status, which answers 500 ms late (as a single-page app's fetch after load).</summary>
    public const string StatusFetchedAfterLoad = "status-fetched-after-load";

    /// <summary>
    /// The page keeps a WebSocket open (as a Blazor Server page): on the form it sends the key field's value in a frame
    /// as it changes, and the server answers with frames (text and binary) that carry the key's masked ending only.
    /// </summary>
    public const string WebSocketWithoutKey = "websocket-without-key";

    /// <summary>
    /// Not a fault once locators.openKeyForm names its opener: the key form (field, guidance, Connect) is in a native modal
    /// &lt;dialog&gt; that a "Connect to Pleo" button opens, while the status stays on the page outside it. After a failure,
    /// and on the update page, the page opens the dialog itself, with the message inside. Without the opener in the
    /// profile the field is never seen, and UXK-INPUT-1 fails.
    /// </summary>
    public const string KeyFormInDialog = "key-form-in-dialog";

    /// <summary>
    /// Not a fault once locators.openKeyForm names its opener: as <see cref="KeyFormInDialog"/>, but after a failure the
    /// dialog is closed and the message shows on the page: the user opens the dialog again to retry.
    /// </summary>
    public const string DialogClosesAfterFailure = "dialog-closes-after-failure";

    /// <summary>
    /// Not a fault once locators.openKeyForm names its opener: as <see cref="KeyFormInDialog"/>, but the page is
    /// interactive only about 1 s after load (its opener disabled until then, as a Blazor page's buttons are); where
    /// it opens the dialog itself it does so then, and draws the form inside a second later (a lazy component). The
    /// opener stays visible throughout.
    /// </summary>
    public const string DialogOpensLate = "dialog-opens-late";

    /// <summary>
    /// Not a fault once locators.openKeyForm names its opener: the key form is in a section a button expands
    /// (aria-expanded), collapsed on load and after a failure; on the update page the page expands it itself at once
    /// and draws the form about 1 s later (a fetch). A click while it draws collapses the section.
    /// </summary>
    public const string KeyFormInExpander = "key-form-in-expander";

    /// <summary>A banner covers the whole page and cannot be dismissed, so no control on it can be clicked.</summary>
    public const string BannerCoversPage = "banner-covers-page";

    // How a page answers a submitted key: each sends the form with fetch, so no new document follows the click.

    /// <summary>Not a fault: the page draws the answer in place (its main element's content replaced), as a single-page app does.</summary>
    public const string AnswersInPlace = "answers-in-place";

    /// <summary>Not a fault: once the answer is in, the page loads the connection page again (a navigation the click did not start).</summary>
    public const string LoadsPageAfterAnswer = "loads-page-after-answer";

    /// <summary>
    /// The page never shows the answer, while it keeps changing outside its announced regions: a spinner's style on
    /// every frame, a ticker drawn again with the same text every 100 ms.
    /// </summary>
    public const string IgnoresAnswer = "ignores-answer";

    /// <summary>
    /// Not a fault: after a failure the page draws the new status and message in place and leaves the form as it was, so
    /// the key that was not saved stays in the key field for a retry (R-ERR-5); a success draws the whole answer.
    /// </summary>
    public const string KeepsKeyAfterFailure = "keeps-key-after-failure";

    /// <summary>
    /// Not a fault: the form post is answered at once (a redirect to the same page, the same text as before the click)
    /// and Pleo is asked a moment later; the page polls and draws the answer in place when it comes.
    /// </summary>
    public const string ValidatesInBackground = "validates-in-background";
}
