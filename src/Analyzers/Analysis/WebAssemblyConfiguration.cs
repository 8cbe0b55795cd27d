using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// PUX007 in a Blazor WebAssembly app: its configuration is wwwroot/appsettings*.json, which every visitor's browser
/// downloads, so a secret setting it reads is in client-side script already. Each read is one finding, where it is
/// read: a secret key (<c>builder.Configuration["Pleo:ApiKey"]</c>, <c>GetValue</c>, <c>GetSection</c>) or a type with a
/// secret member filled from configuration (<c>Get&lt;PleoOptions&gt;()</c>, <c>Bind</c>, <c>Configure&lt;PleoOptions&gt;</c>).
/// </summary>
/// <remarks>
/// The read is the mistake, so it is the one place it is reported: a setting that then reaches a browser sink (a
/// request header, JavaScript interop) is not reported there again. Reads of the bound object
/// (<c>IOptions&lt;PleoOptions&gt;</c>) are not reported either: the binding is where the key came in.
/// </remarks>
internal static class WebAssemblyConfiguration
{
    /// <summary>Adds a finding for each secret setting the body reads.</summary>
    public static void Collect(BodyOperations body, SecretModel model, List<Finding> findings)
    {
        foreach (var reference in body.References)
        {
            if (reference is IPropertyReferenceOperation { Arguments.Length: 1 } indexer
                && !IsWritten(indexer)
                && ConfigurationKeys.IsSecretLookup(indexer, model) is { } key)
            {
                Add(findings, null, key, indexer, indexer.Property);
            }
        }

        foreach (var candidate in body.Candidates)
        {
            if (candidate is not IInvocationOperation invocation)
            {
                continue;
            }

            if (ConfigurationKeys.IsSecretRead(invocation, model) is { } key)
            {
                if (!ReadsOnlyName(invocation))
                {
                    Add(findings, null, key, invocation, invocation.TargetMethod);
                }
            }
            else if (ConfigurationBinding.BoundType(invocation) is { } bound
                && SerializedSecrets.FindPublic(bound, model) is { } secret
                && OutsidePublicSettings(invocation, bound, secret, model) is { } member)
            {
                // The binder fills every public member: [JsonIgnore] hides none.
                Add(findings, member, member.Name, invocation, invocation.TargetMethod);
            }
        }
    }

    /// <summary>
    /// The secret member the binding fills that is not declared public: a binding of a known section skips only the
    /// members whose own path (section, then member names) <c>pleouxguard.public_settings</c> covers and that no Pleo
    /// part names (<c>GetSection("Integrations").Get&lt;IntegrationsOptions&gt;()</c> still fills <c>PleoApiKey</c>).
    /// </summary>
    private static ISymbol? OutsidePublicSettings(IInvocationOperation binding, ITypeSymbol bound, ISymbol secret, SecretModel model) =>
        !model.PublicSettings.IsEmpty && ConfigurationBinding.BoundSection(binding) is { } section
            ? SerializedSecrets.FindPublicOutside(bound, model, section)
            : secret;

    /// <summary>
    /// Removes, from <paramref name="start"/> on, the findings of a configuration setting (a secret with no symbol) at a
    /// browser sink: <see cref="Collect"/> reports it where it is read.
    /// </summary>
    public static void DropSettingsAtBrowserSinks(List<Finding> findings, int start)
    {
        var kept = start;
        for (var index = start; index < findings.Count; index++)
        {
            var finding = findings[index];
            if (finding.Kind != SinkKind.Browser || finding.Hit.Source is not null)
            {
                findings[kept++] = finding;
            }
        }

        findings.RemoveRange(kept, findings.Count - kept);
    }

    /// <summary>
    /// <c>GetSection("Pleo:ApiKey").Key</c>, <c>.Path</c> and <c>.Exists()</c>: the setting's name, or whether it is
    /// there, not its value.
    /// </summary>
    private static bool ReadsOnlyName(IInvocationOperation section)
    {
        IOperation? parent = section.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IPropertyReferenceOperation { Property.Name: "Key" or "Path" }
            || (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { Name: "Exists" } exists } }
                && FlowTypes.IsNamed(exists.ContainingType, "ConfigurationExtensions", "Microsoft.Extensions.Configuration"));
    }

    /// <summary><c>builder.Configuration["Pleo:ApiKey"] = null</c>: a write puts nothing of the file in the app.</summary>
    private static bool IsWritten(IPropertyReferenceOperation indexer) =>
        indexer.Parent is ISimpleAssignmentOperation assignment && assignment.Target == indexer;

    private static void Add(List<Finding> findings, ISymbol? source, string sourceName, IOperation read, ISymbol reader) =>
        findings.Add(new Finding(
            new SecretHit(source, sourceName, read, isPartial: false), SinkNames.Of(reader) + WebAssemblyApp.InApp, SinkKind.Browser, isPartial: false));
}
