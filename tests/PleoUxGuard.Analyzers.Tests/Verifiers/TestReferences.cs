using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace PleoUxGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference assemblies every analyzer test compiles against: .NET 8 plus the real API surface of
/// ASP.NET Core, Microsoft.Extensions.Logging, the compliance attributes and the common log libraries,
/// so each sink is tested against the library it names, not a hand-written imitation.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies Default = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
        new PackageIdentity("Microsoft.Extensions.Compliance.Abstractions", "8.10.0"),
        // Compliance.Abstractions 8.10.0 asks for ObjectPool 8.0.10, which the registry no longer serves; the
        // testing framework's resolver does not float up by itself, so the next served version is named here.
        new PackageIdentity("Microsoft.Extensions.ObjectPool", "8.0.11"),
        new PackageIdentity("Serilog", "4.0.0"),
        new PackageIdentity("NLog", "5.5.1"),
        new PackageIdentity("log4net", "2.0.12")));

    /// <summary>
    /// A Blazor WebAssembly app: .NET 10 and the WebAssembly host package with the packages it brings, and not the
    /// ASP.NET Core shared framework, which a WebAssembly app cannot reference. Each package is named: the testing
    /// framework does not bring these packages' dependencies by itself.
    /// </summary>
    public static readonly ReferenceAssemblies BlazorWebAssembly = new ReferenceAssemblies(
            "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.15"), Path.Combine("ref", "net10.0"))
        .AddPackages(ImmutableArray.CreateRange(new[]
            {
                "Microsoft.AspNetCore.Components.WebAssembly", "Microsoft.AspNetCore.Components.WebAssembly.Authentication",
                "Microsoft.AspNetCore.Components.Authorization", "Microsoft.AspNetCore.Components.Web", "Microsoft.AspNetCore.Components",
                "Microsoft.AspNetCore.Components.Forms", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Metadata",
                "Microsoft.JSInterop", "Microsoft.JSInterop.WebAssembly", "Microsoft.Extensions.Configuration",
                "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Configuration.Binder",
                "Microsoft.Extensions.Configuration.Json", "Microsoft.Extensions.DependencyInjection",
                "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging",
                "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options",
                "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Primitives",
            }.Select(id => new PackageIdentity(id, "10.0.15"))));

    /// <summary>The default references and Newtonsoft.Json, for what Json.NET serializes.</summary>
    public static readonly ReferenceAssemblies WithNewtonsoft = Default.AddPackages(ImmutableArray.Create(new PackageIdentity("Newtonsoft.Json", "13.0.3")));

    /// <summary>The default references and the telemetry, HTTP and bus clients whose sinks are tested against their real API.</summary>
    public static readonly ReferenceAssemblies WithClients = Default.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.ApplicationInsights", "2.23.0"),
        new PackageIdentity("Sentry", "7.0.0"),
        new PackageIdentity("RestSharp", "114.1.0"),
        new PackageIdentity("Rebus", "8.10.0")));

    /// <summary>.NET 8 and ASP.NET Core without the compliance attributes: a project where nothing marks a secret unless it declares or references a marking of its own.</summary>
    public static readonly ReferenceAssemblies WithoutCompliance = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0")));
}
