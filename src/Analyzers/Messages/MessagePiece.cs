using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>
/// One text that can reach a sink, written at one place: a literal, an interpolation, a constant, a
/// resource entry. A message chosen by a condition or switch has one piece per branch.
/// </summary>
internal sealed class MessagePiece
{
    private MessagePiece(IOperation operation, string text, bool isComplete, bool hasUnknownText, bool fromResource)
    {
        Operation = operation;
        Text = text;
        IsComplete = isComplete;
        HasUnknownText = hasUnknownText;
        FromResource = fromResource;
    }

    /// <summary>Where the text is written: the place to report and to replace.</summary>
    public IOperation Operation { get; }

    /// <summary>The text, with "…" for parts only known at run time.</summary>
    public string Text { get; }

    /// <summary>True when every part of the text is known.</summary>
    public bool IsComplete { get; }

    /// <summary>True when a part only known at run time is itself text, so it may say anything.</summary>
    public bool HasUnknownText { get; }

    /// <summary>True when the text comes from a .resx entry: it is fixed there, not in code.</summary>
    public bool FromResource { get; }

    /// <summary>What <see cref="Text"/> holds in place of a part only known at run time.</summary>
    public const string UnknownPart = "\u2026";

    private const int MaxLocalDepth = 3;

    private ImmutableArray<string> _genericPhrases;
    private bool _isGeneric;

    /// <summary>
    /// Whether the text is only generic phrases (<see cref="MessageCatalogue.IsGeneric(string, IReadOnlyCollection{string})"/>),
    /// asked by every message rule of the piece and worked out once: a piece belongs to one site, whose settings
    /// give the same phrases each time, and it is used on one thread only.
    /// </summary>
    public bool IsGeneric(ImmutableArray<string> phrases)
    {
        if (_genericPhrases.IsDefault || _genericPhrases != phrases)
        {
            _isGeneric = MessageCatalogue.IsGeneric(Text, phrases);
            _genericPhrases = phrases;
        }

        return _isGeneric;
    }

    /// <summary>The pieces of text an operand can carry; empty when nothing about it is known.</summary>
    public static List<MessagePiece> Resolve(IOperation value, ResourceTexts resources)
    {
        var pieces = new List<MessagePiece>();
        Resolve(value, resources, pieces, 0);
        return pieces;
    }

    private static void Resolve(IOperation value, ResourceTexts resources, List<MessagePiece> pieces, int depth)
    {
        if (value.ConstantValue is { HasValue: true } constant)
        {
            if (constant.Value is string text)
            {
                pieces.Add(new MessagePiece(value, text, isComplete: true, hasUnknownText: false, fromResource: false));
            }

            return;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                Resolve(conversion.Operand, resources, pieces, depth);
                break;
            case IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                var builder = new StringBuilder();
                var complete = true;
                var unknownText = false;
                Append(value, builder, ref complete, ref unknownText);
                pieces.Add(new MessagePiece(value, builder.ToString(), complete, unknownText, fromResource: false));
                break;
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                Resolve(conditional.WhenTrue, resources, pieces, depth);
                Resolve(conditional.WhenFalse, resources, pieces, depth);
                break;
            case ICoalesceOperation coalesce:
                Resolve(coalesce.Value, resources, pieces, depth);
                Resolve(coalesce.WhenNull, resources, pieces, depth);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Resolve(arm.Value, resources, pieces, depth);
                }

                break;
            case ILocalReferenceOperation local when depth < MaxLocalDepth:
                foreach (var assigned in LocalValues.Of(local))
                {
                    Resolve(assigned, resources, pieces, depth + 1);
                }

                break;
            case IPropertyReferenceOperation { Instance: null } property
                when resources.TryGetText(property.Property, out var resourceText):
                pieces.Add(new MessagePiece(value, resourceText, isComplete: true, hasUnknownText: false, fromResource: true));
                break;
        }
    }

    private static void Append(IOperation part, StringBuilder builder, ref bool complete, ref bool unknownText)
    {
        if (part.ConstantValue is { HasValue: true } constant)
        {
            builder.Append(constant.Value?.ToString());
            return;
        }

        switch (part)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var content in interpolated.Parts)
                {
                    Append(content, builder, ref complete, ref unknownText);
                }

                return;
            case IInterpolatedStringTextOperation text:
                Append(text.Text, builder, ref complete, ref unknownText);
                return;
            case IInterpolationOperation interpolation:
                Append(interpolation.Expression, builder, ref complete, ref unknownText);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Append(binary.LeftOperand, builder, ref complete, ref unknownText);
                Append(binary.RightOperand, builder, ref complete, ref unknownText);
                return;
            case IConversionOperation { IsImplicit: true } conversion:
                Append(conversion.Operand, builder, ref complete, ref unknownText);
                return;
        }

        complete = false;
        unknownText |= part.Type is null || part.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object;
        builder.Append(UnknownPart);
    }
}
