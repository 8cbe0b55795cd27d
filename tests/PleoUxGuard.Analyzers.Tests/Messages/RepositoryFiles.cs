using System.Runtime.CompilerServices;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>Files of this repository, found from this source file's path at build time.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relativePath) => Path.Combine(Root(), relativePath);

    private static string Root([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
