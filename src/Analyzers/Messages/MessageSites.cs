using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Configuration;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>
/// The user-facing message sinks of each method body, found once per body for the three message rules (each
/// judges the same sites for a different fault), with the scope of each site worked out once.
/// </summary>
internal sealed class MessageSites
{
    private static readonly ConditionalWeakTable<Compilation, MessageSites> PerCompilation = new();

    [ThreadStatic]
    private static List<UserMessageSinkUse>? t_uses;

    private readonly Lazy<UserMessageSinks> _sinks;
    private readonly PleoOptions _options;
    private readonly ConcurrentDictionary<OptionValues, MessageSettings> _settings = new();

    private MessageSites(Compilation compilation, AnalyzerOptions options)
    {
        // Resolved on the first body, not at compilation start (see MessageRules' raw-detail finder).
        _sinks = new Lazy<UserMessageSinks>(() => UserMessageSinks.Create(compilation));
        _options = PleoOptions.For(compilation, options);
    }

    public static MessageSites For(Compilation compilation, AnalyzerOptions options) =>
        PerCompilation.GetValue(compilation, c => new MessageSites(c, options));

    /// <summary>Every operand of the body <paramref name="blocks"/> of <paramref name="owner"/> that reaches a user-facing message sink.</summary>
    public ImmutableArray<MessageSite> In(ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        if (blocks.IsEmpty)
        {
            return ImmutableArray<MessageSite>.Empty;
        }

        ImmutableArray<MessageSite>.Builder? sites = null;
        MessageSettings? settings = null;
        foreach (var operation in BodyOperations.Of(blocks).Candidates)
        {
            // UserMessageSinks.Find alone decides which operations are message sinks.
            var uses = t_uses ??= new List<UserMessageSinkUse>();
            uses.Clear();
            _sinks.Value.Find(operation, owner, uses);
            if (uses.Count == 0)
            {
                continue;
            }

            settings ??= _settings.GetOrAdd(_options.For(operation.Syntax.SyntaxTree), values => new MessageSettings(values));
            foreach (var use in uses)
            {
                if (use.Kind == UserMessageSinkKind.ConsoleOutput && !(settings.ConsoleMessages ?? _sinks.Value.IsCommandLineTool))
                {
                    // The console of a web app or worker is where its logs go, not a screen its users read.
                    continue;
                }

                sites ??= ImmutableArray.CreateBuilder<MessageSite>();
                sites.Add(new MessageSite(operation, owner, use, settings));
            }
        }

        return sites?.ToImmutable() ?? ImmutableArray<MessageSite>.Empty;
    }
}

/// <summary>One operand reaching a user-facing message sink, with where it sits (sign-in, connection code, failure kind).</summary>
/// <remarks>
/// Used only inside the callback that found it, on one thread, so the scope is worked out on first use without
/// a lock.
/// </remarks>
internal sealed class MessageSite
{
    private readonly IOperation _operation;
    private readonly ISymbol _owner;
    private bool _scoped;
    private MessageScope _scope;
    private FailureKind? _fromStatus;
    private ResourceTexts? _piecesResources;
    private List<MessagePiece>? _pieces;
    private bool _partnered;
    private PartnerText? _partner;

    public MessageSite(IOperation operation, ISymbol owner, UserMessageSinkUse sink, MessageSettings settings)
    {
        _operation = operation;
        _owner = owner;
        Sink = sink;
        Settings = settings;
    }

    public UserMessageSinkUse Sink { get; }

    public MessageSettings Settings { get; }

    public MessageScope Scope
    {
        get
        {
            EnsureScope();
            return _scope;
        }
    }

    public FailureKind? FromStatus
    {
        get
        {
            EnsureScope();
            return _fromStatus;
        }
    }

    /// <summary>The kind the status the message is sent with says (<see cref="MessageScope.ResponseKind"/>).</summary>
    public FailureKind? FromResponse => MessageScope.ResponseKind(_operation);

    /// <summary>The texts the operand can carry (<see cref="MessagePiece.Resolve"/>), resolved once for every rule that asks.</summary>
    public List<MessagePiece> Pieces(ResourceTexts resources)
    {
        if (_pieces is null || !ReferenceEquals(_piecesResources, resources))
        {
            _pieces = MessagePiece.Resolve(Sink.Value, resources);
            _piecesResources = resources;
        }

        return _pieces;
    }

    /// <summary>
    /// The title shown with a detail, or the detail shown under a title (<see cref="ProblemPartner"/>); null when the
    /// message is no title or detail, or its partner says nothing. Worked out only when a rule is about to report.
    /// </summary>
    public PartnerText? Partner(ResourceTexts resources)
    {
        if (!_partnered)
        {
            _partner = ProblemPartner.Of(_operation, Sink) is { } values ? PartnerText.Resolve(values, resources) : null;
            _partnered = true;
        }

        return _partner;
    }

    private void EnsureScope()
    {
        if (!_scoped)
        {
            _scope = MessageScope.Of(_operation, _owner, Settings, out _fromStatus);
            _scoped = true;
        }
    }
}
