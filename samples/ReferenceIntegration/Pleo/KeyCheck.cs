using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Pleo;

/// <summary>Pleo's verdict on a key: the company it belongs to, or why it cannot be used.</summary>
internal sealed record KeyCheck(Guid? CompanyId, FailureKind? Failure)
{
    public bool Accepted => CompanyId is not null;

    /// <summary>Pleo refused the key itself (as opposed to being unavailable or busy).</summary>
    public bool KeyRefused => Failure is FailureKind.InvalidKey or FailureKind.KeyRevoked or FailureKind.MissingPermission;

    public static KeyCheck For(Guid companyId) => new(companyId, null);

    public static KeyCheck Failed(FailureKind failure) => new(null, failure);
}
