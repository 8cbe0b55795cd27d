namespace PleoUxGuard.ReferenceIntegration.Pages;

/// <summary>What pages tell the layout.</summary>
internal static class LayoutSignals
{
    /// <summary>Set by a page that shows the Action required warning itself, so it appears once.</summary>
    public const string ConnectionWarningShownByPage = nameof(ConnectionWarningShownByPage);
}
