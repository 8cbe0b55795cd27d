namespace PleoUxGuard.FakePleo;

/// <summary>A customer company and its one installation of the integration, shared by all its keys (rotation).</summary>
internal sealed class Company
{
    private readonly Lock _lock = new();
    private string _status = InstallationStatus.Authorized;
    private DateTimeOffset _updatedAt;

    public Company(Guid id, DateTimeOffset now)
    {
        Id = id;
        InstallationId = Guid.NewGuid();
        OrganizationId = Guid.NewGuid();
        var shortId = id.ToString("N")[..6];
        Name = $"Test Company {shortId}";
        RegistrationNumber = $"DK{Math.Abs(id.GetHashCode() % 100_000_000):D8}";
        CreatedAt = now;
        _updatedAt = now;
    }

    public Guid Id { get; }

    public Guid InstallationId { get; }

    public Guid OrganizationId { get; }

    public string Name { get; }

    public string RegistrationNumber { get; }

    public DateTimeOffset CreatedAt { get; }

    public string Urn => $"urn:pleo:company:{Id}";

    public (string Status, DateTimeOffset UpdatedAt) Installation
    {
        get
        {
            lock (_lock)
            {
                return (_status, _updatedAt);
            }
        }
    }

    public void Activate(DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = InstallationStatus.Activated;
            _updatedAt = now;
        }
    }
}

/// <summary>Pleo's installation statuses the fake uses.</summary>
internal static class InstallationStatus
{
    /// <summary>Assumed: the status right after the customer allowed the install and got the key.</summary>
    public const string Authorized = "AUTHORIZED";

    public const string Activated = "ACTIVATED";
}
