using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Sinks;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>
/// The other half of a problem response: the detail shown under a title, or the title shown over a detail. A short
/// title ("This key does not have the required permissions") with a detail that says what to do is the usual shape
/// of an error response, so the message rules judge the two as one message.
/// </summary>
internal static class ProblemPartner
{
    /// <summary>
    /// The values given to the partner of the title or detail <paramref name="sink"/> found at <paramref name="site"/>:
    /// the other argument of a <c>Problem(title:, detail:)</c> call, the other member set in the same
    /// <c>ProblemDetails</c> initializer, or set on the same local. Null when the sink is not a title or detail; empty
    /// when no partner is given (or only <c>null</c>).
    /// </summary>
    public static List<IOperation>? Of(IOperation site, UserMessageSinkUse sink)
    {
        if (sink.Kind != UserMessageSinkKind.ProblemDetails)
        {
            return null;
        }

        var values = new List<IOperation>();
        switch (site)
        {
            case IInvocationOperation invocation:
                var partnerName = PartnerName(ParameterOf(invocation, sink.Value));
                if (partnerName is null)
                {
                    return null;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == partnerName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        AddIfGiven(argument.Value, values);
                    }
                }

                return values;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }:
                var partnerMember = PartnerName(target.Property.Name);
                if (partnerMember is null)
                {
                    return null;
                }

                if (site.Parent is IObjectOrCollectionInitializerOperation initializer)
                {
                    // var problem = new ProblemDetails { Title = "…" }: the detail may be set on the local afterwards.
                    if (DeclaredLocal(initializer.Parent) is { } declared)
                    {
                        AddAssignedToLocal(declared, site.Root(), partnerMember, values);
                    }
                    else
                    {
                        AddAssignedIn(initializer, partnerMember, values);
                    }
                }
                else if (target.Instance is ILocalReferenceOperation local)
                {
                    AddAssignedToLocal(local.Local, site.Root(), partnerMember, values);
                }

                return values;

            default:
                return null;
        }
    }

    private static string? ParameterOf(IInvocationOperation invocation, IOperation value)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (ReferenceEquals(argument.Value.WithoutConversions(), value.WithoutConversions()))
            {
                return argument.Parameter?.Name;
            }
        }

        return null;
    }

    private static string? PartnerName(string? name) => name switch
    {
        "title" => "detail",
        "detail" => "title",
        "Title" => "Detail",
        "Detail" => "Title",
        _ => null,
    };

    /// <summary>The local an object created here is declared as (<c>var problem = new ProblemDetails { … }</c>), or null.</summary>
    private static ILocalSymbol? DeclaredLocal(IOperation? creation)
    {
        var current = creation?.Parent;
        while (current is IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    private static void AddAssignedIn(IObjectOrCollectionInitializerOperation initializer, string member, List<IOperation> values)
    {
        foreach (var assignment in initializer.Initializers)
        {
            if (assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && target.Property.Name == member)
            {
                AddIfGiven(((ISimpleAssignmentOperation)assignment).Value, values);
            }
        }
    }

    // var problem = new ProblemDetails { Title = "…" }; problem.Detail = "…";
    private static void AddAssignedToLocal(ILocalSymbol local, IOperation root, string member, List<IOperation> values)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } target } assignment
                    when target.Property.Name == member && SymbolEqualityComparer.Default.Equals(instance.Local, local):
                    AddIfGiven(assignment.Value, values);
                    break;
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                        && declarator.Initializer?.Value.WithoutConversions() is IObjectCreationOperation { Initializer: { } created }:
                    AddAssignedIn(created, member, values);
                    break;
            }
        }
    }

    private static void AddIfGiven(IOperation value, List<IOperation> values)
    {
        var unwrapped = value.WithoutConversions();
        if (!(unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is null))
        {
            values.Add(unwrapped);
        }
    }
}

/// <summary>
/// What the partner of a title or detail can say: its texts (with "…" for the parts only known at run time), and
/// whether some value of it is wholly a run-time value, with no constant text at all (<c>detail: ex.Message</c>).
/// </summary>
internal sealed class PartnerText
{
    public PartnerText(List<MessagePiece> pieces, bool hasWhollyUnknownValue)
    {
        Pieces = pieces;
        HasWhollyUnknownValue = hasWhollyUnknownValue;
    }

    /// <summary>The texts the partner can carry that have some constant text; an empty text is left out (it says nothing).</summary>
    public List<MessagePiece> Pieces { get; }

    /// <summary>True when a value of the partner is text only known at run time, with no constant part: it may say anything.</summary>
    public bool HasWhollyUnknownValue { get; }

    /// <summary>
    /// Whether the partner may say what to do next: a value of it is wholly unknown, or each of its texts has a recovery
    /// cue in its constant parts (<c>$"Reconnect: {hint}"</c> does; <c>$"Reference: {id}"</c> does not).
    /// </summary>
    public bool MayGiveNextStep(ImmutableArray<string> extraCues)
    {
        if (HasWhollyUnknownValue)
        {
            return true;
        }

        foreach (var piece in Pieces)
        {
            if (!MessageCatalogue.HasRecoveryCue(piece.Text, extraCues))
            {
                return false;
            }
        }

        return Pieces.Count > 0;
    }

    /// <summary>
    /// Whether the partner says what failed, by its own constant text: each of its texts is not generic and, where a
    /// part is only known at run time, its constant parts report a failure or name its kind. A run-time value is not
    /// trusted to say it: <c>detail: $"Reference: {context.TraceIdentifier}"</c> or <c>detail: ex.Message</c> under
    /// "Something went wrong." leaves the title generic.
    /// </summary>
    public bool MaySayWhatFailed(ImmutableArray<string> genericPhrases)
    {
        if (HasWhollyUnknownValue)
        {
            return false;
        }

        foreach (var piece in Pieces)
        {
            if (piece.IsGeneric(genericPhrases) || (!piece.IsComplete && !ConstantTextSaysWhatFailed(piece.Text, genericPhrases)))
            {
                return false;
            }
        }

        return Pieces.Count > 0;
    }

    // "Pleo rejected the key: …" says what failed; "Reference: …" and "Error: …" do not.
    private static bool ConstantTextSaysWhatFailed(string text, ImmutableArray<string> genericPhrases)
    {
        var constant = ConstantText(text);
        return !MessageCatalogue.IsGeneric(constant, genericPhrases)
            && (MessageCatalogue.ReportsFailure(constant) || MessageCatalogue.GuessKind(constant) is not null);
    }

    private static string ConstantText(string text) => MessageCatalogue.Normalize(text.Replace(MessagePiece.UnknownPart, " "));

    /// <summary>The partner's texts, or null when the title or detail has no partner that says anything.</summary>
    public static PartnerText? Resolve(List<IOperation> values, ResourceTexts resources)
    {
        var pieces = new List<MessagePiece>();
        var whollyUnknown = false;
        foreach (var value in values)
        {
            var resolved = MessagePiece.Resolve(value, resources);
            whollyUnknown |= resolved.Count == 0;
            foreach (var piece in resolved)
            {
                if (ConstantText(piece.Text).Length > 0)
                {
                    pieces.Add(piece);
                }
                else
                {
                    // $"{ex.Message}": no constant text. A part that is not text ($"{count}") says nothing either.
                    whollyUnknown |= piece.HasUnknownText;
                }
            }
        }

        return pieces.Count == 0 && !whollyUnknown ? null : new PartnerText(pieces, whollyUnknown);
    }
}
