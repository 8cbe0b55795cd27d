using Microsoft.CodeAnalysis.Diagnostics;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>How every rule leaves generated code alone: <c>context.ConfigureGeneratedCodeAnalysis(GeneratedCode.SkippedInActions)</c>.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// Lets the rule's actions see generated code so that they skip it themselves (each action checks its
    /// context's <c>IsGeneratedCode</c>). When the driver skips generated code for a rule instead, it also
    /// checks every location the rule reports against the generated-code spans of its file, which walks the
    /// whole file on the first diagnostic: a cost of the first rule to report in each file.
    /// </summary>
    public const GeneratedCodeAnalysisFlags SkippedInActions = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
