namespace PleoUxGuard.ReferenceIntegration.Accounts;

/// <summary>
/// Published demo accounts, seeded when <c>Accounts:SeedDemoUsers</c> is true (Development and --demo).
/// Their passwords are documentation, not secrets: never enable seeding in production.
/// </summary>
internal sealed class DemoUsers(AccountService accounts, AccountStore store)
{
    public static readonly IReadOnlyList<(string Workspace, string Email, string PublishedPassword)> All =
    [
        ("Northwind Traders", "alice@northwind.example", "northwind-demo"),
        ("Contoso Travel", "bob@contoso.example", "contoso-demo"),
    ];

    /// <summary>How to sign in, as the demo prints it and the docs show it.</summary>
    public const string SignInHint =
        "alice@northwind.example / northwind-demo (Northwind Traders) or bob@contoso.example / contoso-demo (Contoso Travel)";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (workspace, email, publishedPassword) in All)
        {
            if (await store.FindByEmailAsync(email, cancellationToken) is null)
            {
                await accounts.RegisterAsync(workspace, email, publishedPassword, cancellationToken);
            }
        }
    }
}
