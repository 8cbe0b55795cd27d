using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;

namespace PleoUxGuard.Analyzers.ConsumerTests.Infrastructure;

/// <summary>The PleoUxGuard.Analyzers package, freshly packed from this checkout into a local feed.</summary>
internal sealed record PackedPackage(string Feed, string NupkgPath, string Version, XDocument Nuspec)
{
    public const string Id = "PleoUxGuard.Analyzers";

    public static async Task<PackedPackage> PackAsync(string feed)
    {
        var configuration = typeof(PackedPackage).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var pack = await Dotnet.RunAsync(RepositoryRoot.Path,
        [
            "pack", RepositoryRoot.Combine("src", "Package", "PleoUxGuard.Analyzers.Package.csproj"),
            "-c", configuration, "-o", feed, "-nologo", "-tl:off", "-nodeReuse:false", "-v:q",
        ]);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the analyzer failed. " + pack.Describe());
        }

        var nupkg = Directory.GetFiles(feed, Id + ".*.nupkg").Single();
        using var archive = ZipFile.OpenRead(nupkg);
        using var nuspecStream = archive.GetEntry(Id + ".nuspec")!.Open();
        var nuspec = XDocument.Load(nuspecStream);
        var version = nuspec.Descendants().Single(element => element.Name.LocalName == "version").Value;
        return new PackedPackage(feed, nupkg, version, nuspec);
    }

    public IReadOnlyList<string> Entries()
    {
        using var archive = ZipFile.OpenRead(NupkgPath);
        return archive.Entries.Select(entry => entry.FullName).ToList();
    }

    public string ReadEntry(string name)
    {
        using var archive = ZipFile.OpenRead(NupkgPath);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public byte[] ReadBytes(string name)
    {
        using var archive = ZipFile.OpenRead(NupkgPath);
        using var stream = archive.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public string? Metadata(string name) =>
        Nuspec.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
}
