namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>The elements of a connection page the kit needs to find.</summary>
public enum LocatorName
{
    KeyInput,
    ConnectButton,
    UpdateAction,
    StatusRegion,
    CompanyId,
    ErrorMessage,
}
