namespace PleoUxGuard.Analyzers;

/// <summary>Every diagnostic id this package reports, in one place. Ids are permanent.</summary>
public static class DiagnosticIds
{
    public const string InvalidConfiguration = "PUX000";
    public const string SecretToLog = "PUX001";
    public const string SecretToMessage = "PUX002";
    public const string SecretInToString = "PUX003";
    public const string SecretToClient = "PUX004";
    public const string PartialSecretBeyondLastFour = "PUX005";
    public const string SecretInUrl = "PUX006";
    public const string SecretToBrowserStorage = "PUX007";
    public const string GenericErrorMessage = "PUX010";
    public const string NoRecoveryAction = "PUX011";
    public const string RawTechnicalDetail = "PUX012";
}
