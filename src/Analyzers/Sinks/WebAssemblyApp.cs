using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Whether a compilation is a Blazor WebAssembly app, all of whose code runs in the browser: it references the
/// WebAssembly host and not the ASP.NET Core shared framework.
/// </summary>
/// <remarks>
/// The host alone does not tell: the server project of a Blazor Web App with WebAssembly interactivity references its
/// .Client project, and through it, transitively, Microsoft.AspNetCore.Components.WebAssembly (the template's restore
/// lists it among the server's compile references). A WebAssembly project cannot reference the shared framework, so
/// its <c>HttpContext</c> marks a project that runs on a server. Either lookup ends at the first namespace the
/// compilation lacks: for a project that is not Blazor, one short walk per compilation.
/// </remarks>
internal static class WebAssemblyApp
{
    /// <summary>What a sink's name says in a message: the same call is no sink on a server.</summary>
    public const string InApp = " in a Blazor WebAssembly app";

    public static bool Is(Compilation compilation) =>
        compilation.FindType("Microsoft.AspNetCore.Components.WebAssembly.Hosting.WebAssemblyHostBuilder") is not null
        && compilation.FindType("Microsoft.AspNetCore.Http.HttpContext") is null;
}
