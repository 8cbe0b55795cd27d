using Microsoft.CodeAnalysis;

namespace PleoUxGuard.AnalyzerCost.InProcess;

/// <summary>The .NET and ASP.NET Core reference assemblies of the SDK that runs the benchmark.</summary>
internal static class ReferenceAssemblies
{
    public static IReadOnlyList<MetadataReference> Net10WithAspNetCore()
    {
        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string[] packs = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];
        return packs
            .SelectMany(pack => Directory.GetFiles(NewestPackFolder(dotnetRoot, pack), "*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static string NewestPackFolder(string dotnetRoot, string pack)
    {
        var versions = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", pack))
            .Where(folder => Directory.Exists(Path.Combine(folder, "ref", "net10.0")))
            .OrderBy(folder => Version.TryParse(Path.GetFileName(folder), out var version) ? version : new Version(0, 0))
            .ToList();
        return versions.Count > 0
            ? Path.Combine(versions[^1], "ref", "net10.0")
            : throw new InvalidOperationException($"No {pack} for net10.0 under {dotnetRoot}/packs: install the .NET 10 SDK.");
    }
}
