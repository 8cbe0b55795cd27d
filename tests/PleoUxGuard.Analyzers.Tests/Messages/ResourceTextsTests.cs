using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.Analyzers.Rules;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>The .resx texts the message rules judge code by.</summary>
public sealed class ResourceTextsTests
{
    [Fact]
    public async Task The_message_rules_read_a_compilations_resx_files_once_between_them()
    {
        var resx = new CountingText("/0/Strings.resx", """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="KeyRejected" xml:space="preserve"><value>Your key was not accepted. Paste the key again.</value></data>
            </root>
            """);
        var compilation = CSharpCompilation.Create(
            "Integration",
            [CSharpSyntaxTree.ParseText("class Strings { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // PUX011 and PUX012 resolve messages read from resources and share one reading of them; PUX010 judges
        // the resource entries themselves, in an action of its own, which reads the file once more.
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MessageQualityAnalyzer());
        await compilation.WithAnalyzers(analyzers, new AnalyzerOptions([resx])).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(2, resx.Reads);
    }

    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private int _reads;

        public int Reads => _reads;

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return SourceText.From(text);
        }
    }
}
