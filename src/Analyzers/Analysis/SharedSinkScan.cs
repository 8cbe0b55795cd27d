using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Analysis;

/// <summary>
/// One scan per method body for the secret-to-sink rules: it asks every sink table about the operations that can
/// be sinks (<see cref="BodyOperations"/>) and follows the secrets; <see cref="SecretSinkAnalysis"/> then keeps
/// each rule's findings of its own kinds.
/// </summary>
/// <remarks>
/// Most bodies read no secret at all. The scan first asks whether any reference is a secret source (a secret
/// local, parameter, field, property, method result or configuration key); when none is, no operand can
/// carry a secret, so the flow is never built and only the sink operands are kept (for the rules that
/// judge an operand's type, such as a serialized object exposing a secret member). In a Blazor WebAssembly app the
/// scan also reports each secret setting the body reads (<see cref="WebAssemblyConfiguration"/>).
/// </remarks>
internal sealed class SharedSinkScan
{
    private static readonly ConditionalWeakTable<Compilation, SharedSinkScan> PerCompilation = new();

    // Working lists, reused per thread: a scan never runs inside another on the same thread.
    [System.ThreadStatic]
    private static List<Finding>? t_findings;

    [System.ThreadStatic]
    private static List<SinkOperand>? t_operands;

    [System.ThreadStatic]
    private static List<ScanResult>? t_ranges;

    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly SinkTables _tables;
    private readonly SinkTables _operandOnlyTables;
    private readonly CallSummaries _calls;
    private readonly bool _webAssemblyApp;

    /// <summary>
    /// The sink kinds whose operands are kept even in a body that reads no secret, for the rules that judge
    /// an operand's type (PUX001: an object destructured into the log; PUX004: a serialized object). A rule
    /// that judges operands of another kind must be added here (its constructor checks it).
    /// </summary>
    public static readonly SinkKindSet OperandOnlyKinds = SinkKindSet.Of(SinkKind.Log).With(SinkKind.Client);

    private SharedSinkScan(Compilation compilation, AnalyzerOptions options)
    {
        _compilation = compilation;
        _options = options;
        _tables = SinkCatalogue.For(compilation).Present(SinkKindSet.All);
        _operandOnlyTables = SinkCatalogue.For(compilation).Present(OperandOnlyKinds);
        _calls = CallSummaries.For(compilation, options);
        _webAssemblyApp = SinkCatalogue.For(compilation).IsWebAssemblyApp;
    }

    public static SharedSinkScan For(Compilation compilation, AnalyzerOptions options) =>
        PerCompilation.GetValue(compilation, c => new SharedSinkScan(c, options));

    /// <summary>The findings and sink operands of the body <paramref name="blocks"/> of <paramref name="owner"/>, one entry per sink operation.</summary>
    /// <remarks>Asked once per body, by the one analyzer that runs every secret-to-sink rule.</remarks>
    public BodyScan Scan(ImmutableArray<IOperation> blocks, ISymbol owner, SyntaxTree tree)
    {
        var body = BodyOperations.Of(blocks);
        // A WebAssembly app's configuration read in a field initializer is a body with no candidate.
        if (body.Candidates.Length == 0 && !(_webAssemblyApp && body.References.Length > 0))
        {
            return BodyScan.Empty;
        }

        var model = SecretModel.For(_compilation, _options, tree);

        var readsSecret = ReadsSecret(body, model);

        // Without a secret source only the operands of the rules that judge an operand's type matter.
        var flow = readsSecret ? new SecretFlow(model, body, _calls, model.CallDepth) : null;
        var findings = t_findings ??= new List<Finding>();
        var operands = t_operands ??= new List<SinkOperand>();
        var ranges = t_ranges ??= new List<ScanResult>();
        findings.Clear();
        operands.Clear();
        ranges.Clear();
        foreach (var operation in body.Candidates)
        {
            var (findingStart, operandStart) = (findings.Count, operands.Count);
            if (flow is not null)
            {
                SinkScan.Scan(operation, owner, _tables, flow, _calls, findings, operands);
                if (_webAssemblyApp)
                {
                    WebAssemblyConfiguration.DropSettingsAtBrowserSinks(findings, findingStart);
                }
            }
            else
            {
                _operandOnlyTables.Collect(operation, owner, operands);
                DropPlainValues(operands, operandStart);
            }

            if (findings.Count > findingStart || operands.Count > operandStart)
            {
                ranges.Add(new ScanResult(findingStart, findings.Count - findingStart, operandStart, operands.Count - operandStart));
            }
        }

        if (_webAssemblyApp)
        {
            var readStart = findings.Count;
            WebAssemblyConfiguration.Collect(body, model, findings);
            if (findings.Count > readStart)
            {
                ranges.Add(new ScanResult(readStart, findings.Count - readStart, operands.Count, 0));
            }
        }

        var scan = ranges.Count == 0 ? BodyScan.Empty : new BodyScan(ranges.ToArray(), findings.ToArray(), operands.ToArray());

        // Emptied, so an idle thread keeps no operation tree alive.
        findings.Clear();
        operands.Clear();
        ranges.Clear();
        return scan;
    }

    /// <summary>
    /// Without a secret in the body, an operand matters only as an object whose members are serialized or
    /// destructured: text, numbers, flags and plain objects have none, so they are not kept.
    /// </summary>
    private static void DropPlainValues(List<SinkOperand> operands, int start)
    {
        var kept = start;
        for (var index = start; index < operands.Count; index++)
        {
            if (!IsPlainValue(operands[index].Operand))
            {
                operands[kept++] = operands[index];
            }
        }

        operands.RemoveRange(kept, operands.Count - kept);
    }

    private static bool IsPlainValue(IOperation value) =>
        value.WithoutConversions().Type is { } type
            && (type.SpecialType is SpecialType.System_String or SpecialType.System_Object
                || type.TypeKind == TypeKind.Enum
                || (type.IsValueType && type.SpecialType != SpecialType.None));

    /// <summary>Whether the body reads a secret source: a secret local, parameter, field or property, a configuration key (indexed, or read with GetValue or GetSection), a method whose result is a secret, a request's Authorization header or all its headers, the JSON of an object with a secret member, or a protobuf message with a secret field.</summary>
    private static bool ReadsSecret(BodyOperations body, SecretModel model)
    {
        foreach (var operation in body.References)
        {
            // The secret test first: it starts by asking whether the type is text, while MayCarry walks up the
            // base types of every object read, and most references are neither secrets nor text.
            if (IsSecretReference(operation, model) && MayCarry(operation, model))
            {
                return true;
            }

            // A protobuf message with a secret field, which its generated ToString prints.
            if (model.ReferencesProtobuf && model.PrintedMessageSecret(operation.Type) is not null)
            {
                return true;
            }
        }

        foreach (var operation in body.Candidates)
        {
            if (operation is not IInvocationOperation { TargetMethod: { } method } invocation)
            {
                continue;
            }

            // The name first: it rules out nearly every call with one cached lookup.
            if (model.MayBeSecretNamed(method.Name)
                && method.MethodKind == MethodKind.Ordinary
                && model.IsSecret(method) && MayCarry(operation, model))
            {
                return true;
            }

            // GetValue, GetSection: a read a reference does not show, as an indexer's does; Unprotect, GetEnvironmentVariable;
            // Request.Headers.TryGetValue("X-Pleo-Key", out …).
            if (ConfigurationKeys.IsSecretRead(invocation, model) is not null || SecretCalls.Returns(invocation, model) is not null
                || ConfigurationKeys.IsSecretEntryRead(invocation, model) is not null)
            {
                return true;
            }

            // JsonSerializer.Serialize(options): the text holds the secret members of the object it serializes.
            if (SerializedText.SecretMember(invocation, model) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSecretReference(IOperation operation, SecretModel model) => operation switch
    {
        ILocalReferenceOperation local => model.IsSecret(local.Local, operation.Type),
        IParameterReferenceOperation parameter => model.IsSecret(parameter.Parameter, operation.Type),
        IFieldReferenceOperation field => model.IsSecret(field.Field, operation.Type),
        // Only an indexer is read with arguments in C#; asking the property whether it is one costs more.
        IPropertyReferenceOperation property => property.Arguments.IsEmpty
            ? model.IsSecret(property.Property, operation.Type) || AuthorizationHeaders.IsCredentialRead(property.Property) || ReceivedRequests.IsHeaders(property.Property)
                || model.IsAttemptedSecret(property.Property)
            : ConfigurationKeys.IsSecretLookup(property, model) is not null,
        _ => false,
    };

    /// <summary>The flow never follows a value that cannot carry text (a number, a flag, a logger) unless its type is a secret.</summary>
    private static bool MayCarry(IOperation operation, SecretModel model) =>
        operation.Type is not { } type || FlowTypes.CanCarry(type) || model.IsSecretType(type);

    /// <summary>What one method body sends to sinks: one result per operation with a sink operand.</summary>
    internal sealed class BodyScan
    {
        public static readonly BodyScan Empty = new(Array.Empty<ScanResult>(), Array.Empty<Finding>(), Array.Empty<SinkOperand>());

        public BodyScan(ScanResult[] results, Finding[] findings, SinkOperand[] operands)
        {
            Results = results;
            Findings = findings;
            Operands = operands;
        }

        public ScanResult[] Results { get; }

        /// <summary>Every finding of the body; a <see cref="ScanResult"/> says which belong to its operation.</summary>
        public Finding[] Findings { get; }

        /// <summary>Every sink operand of the body; a <see cref="ScanResult"/> says which belong to its operation.</summary>
        public SinkOperand[] Operands { get; }
    }

    /// <summary>Where the findings and sink operands of one operation lie in its <see cref="BodyScan"/>.</summary>
    internal readonly struct ScanResult
    {
        public ScanResult(int findingStart, int findingCount, int operandStart, int operandCount)
        {
            FindingStart = findingStart;
            FindingCount = findingCount;
            OperandStart = operandStart;
            OperandCount = operandCount;
        }

        public int FindingStart { get; }

        public int FindingCount { get; }

        public int FindingEnd => FindingStart + FindingCount;

        public int OperandStart { get; }

        public int OperandCount { get; }

        public int OperandEnd => OperandStart + OperandCount;
    }
}
