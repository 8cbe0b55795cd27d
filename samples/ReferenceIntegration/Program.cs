using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Hosting;
using PleoUxGuard.ReferenceIntegration.Storage;

var demo = DemoMode.IsRequested(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = DemoMode.WithoutSwitch(args),
    // The web root beside the binaries, so the app serves its CSS and script wherever it is started from.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
await using var demoPleo = demo ? await DemoMode.StartFakePleoAsync(builder) : null;

// A start that fails is said in one line below; the host would first log it with its stack trace. Its critical
// entries (a background service that stopped the app) still show.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

builder.Services
    .AddStorage(builder.Configuration, builder.Environment)
    .AddAccounts()
    .AddPleoConnections();

builder.Services.AddRazorPages(options =>
{
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Account/Register");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.ConfigureFilter(new NoHandlerFilter());
});
builder.Services.AddAntiforgery(options => options.Cookie.Name = "PleoUxGuard.Reference.Antiforgery");
builder.Services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
    options.IncludeSubDomains = true;
});

var app = builder.Build();

// Always the plain error page, in Development too: the developer exception page would echo the posted form,
// and the form carries the API key.
app.UseExceptionHandler("/Error");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseUnreadableFormGuard();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapRazorPages();

if (demoPleo is not null)
{
    app.Lifetime.ApplicationStarted.Register(() => DemoMode.PrintWelcome(app, demoPleo));
}

try
{
    // The settings are checked before the host starts: a failure inside the start is logged by the host with its
    // stack trace before we could say it in one line, and the start would create the data folder first.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupProblem.Describe(exception) is { } problem)
{
    // A configuration mistake or a place the app cannot use: say what to fix, without a stack trace.
    await Console.Error.WriteLineAsync("The reference integration cannot start: " + problem);
    return 2;
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
