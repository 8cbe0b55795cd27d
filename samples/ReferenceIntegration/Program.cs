var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The connection page arrives with the reference-integration issue; until then the app says so.
app.MapGet("/", () => Results.Text("The PleoUxGuard reference integration is not built yet.", "text/plain"));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
