using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Messages;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX000: a <c>pleouxguard.*</c> option is malformed or unknown. Reported once per problem for the whole
/// compilation, with no source location (the setting lives in .editorconfig, which analyzers cannot point
/// into); the message names the key and the offending entry.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidConfigurationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InvalidConfiguration);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(compilation =>
        {
            var options = PleoOptions.For(compilation.Compilation, compilation.Options);

            // Files share parsed settings, so each distinct .editorconfig section is read once.
            var reported = new HashSet<(string Key, string Problem)>();
            Report(options.Global);
            foreach (var tree in compilation.Compilation.SyntaxTrees)
            {
                Report(options.For(tree));
            }

            // The .resx files PUX010 reads have sections of their own ([*.resx]).
            foreach (var file in compilation.Options.AdditionalFiles)
            {
                if (ResourceTexts.IsNeutralResx(file.Path, out _))
                {
                    Report(options.For(file));
                }
            }

            void Report(OptionValues values)
            {
                foreach (var problem in values.Problems)
                {
                    if (reported.Add((problem.Key, problem.Problem)))
                    {
                        compilation.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InvalidConfiguration, Location.None, problem.Key, problem.Problem));
                    }
                }
            }
        });
    }
}
