using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Hosting;

namespace PleoUxGuard.ReferenceIntegration.Connections;

/// <summary>A fixed window of connect attempts per workspace, so nobody can use the page to try keys against Pleo.</summary>
internal sealed class ConnectAttemptLimiter(IOptions<ConnectAttemptOptions> options) : AttemptLimiter<TenantId>(options.Value);
