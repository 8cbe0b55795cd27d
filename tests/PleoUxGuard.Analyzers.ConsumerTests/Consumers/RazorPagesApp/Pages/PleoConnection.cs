namespace RazorPagesConsumer.Pages;

// A record prints every property in its generated ToString, the key included.
public sealed record PleoConnection(string CompanyId, string ApiKey); // expect PUX003

// What the page may show: the company and the last 4 characters of the key.
public sealed record PleoConnectionView(string CompanyId, string KeyEnding);
