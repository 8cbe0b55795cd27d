namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>The elements of a connection page the kit needs to find.</summary>
public enum LocatorName
{
    KeyInput,

    /// <summary>The control that shows the key field when the page does not show it (a dialog's opener, an expander); no default.</summary>
    OpenKeyForm,

    ConnectButton,
    UpdateAction,
    StatusRegion,
    CompanyId,
    ErrorMessage,
}
