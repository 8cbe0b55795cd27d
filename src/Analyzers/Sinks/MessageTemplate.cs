using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// The holes of a structured-logging message template (Serilog, NLog, Microsoft.Extensions.Logging) and which
/// values they destructure: <c>"Saved {@Connection} for {Company}"</c> destructures its first value only.
/// </summary>
internal static class MessageTemplate
{
    // Where a hole's name ends: its format (":0.00") or alignment (",10").
    private static readonly char[] FormatStarts = { ':', ',' };

    /// <summary>The call's message template: the first constant text argument, which comes before the values.</summary>
    public static (string Text, int Index)? Of(IInvocationOperation call)
    {
        for (var index = 0; index < call.Arguments.Length; index++)
        {
            if (call.Arguments[index].Value.ConstantValue is { HasValue: true, Value: string text })
            {
                return (text, index);
            }
        }

        return null;
    }

    /// <summary>
    /// Per value position, whether its hole is marked <c>@</c>. Holes bind values in the order they appear,
    /// unless every hole is a number (<c>{0}</c>, <c>{@1}</c>), which then names the position.
    /// </summary>
    public static bool[] DestructuredHoles(string template)
    {
        var holes = new List<(string Name, bool Destructured)>();
        for (var index = 0; index < template.Length; index++)
        {
            if (template[index] != '{')
            {
                continue;
            }

            if (index + 1 < template.Length && template[index + 1] == '{')
            {
                index++;
                continue;
            }

            var end = template.IndexOf('}', index + 1);
            if (end < 0)
            {
                break;
            }

            var hole = template.Substring(index + 1, end - index - 1);
            var destructured = hole.Length > 0 && hole[0] == '@';
            var name = destructured || (hole.Length > 0 && hole[0] == '$') ? hole.Substring(1) : hole;
            var formatAt = name.IndexOfAny(FormatStarts);
            holes.Add((formatAt < 0 ? name : name.Substring(0, formatAt), destructured));
            index = end;
        }

        var numbers = new int[holes.Count];
        var highest = -1;
        for (var index = 0; index < holes.Count; index++)
        {
            if (!int.TryParse(holes[index].Name, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[index]) || numbers[index] >= 1000)
            {
                highest = -1;
                break;
            }

            highest = Math.Max(highest, numbers[index]);
        }

        if (highest >= 0)
        {
            var byNumber = new bool[highest + 1];
            for (var index = 0; index < holes.Count; index++)
            {
                byNumber[numbers[index]] |= holes[index].Destructured;
            }

            return byNumber;
        }

        return holes.ConvertAll(hole => hole.Destructured).ToArray();
    }

    /// <summary>Whether the value at <paramref name="position"/> is destructured; a value beyond the holes is not.</summary>
    public static bool IsDestructured(bool[] holes, int position) => position >= 0 && position < holes.Length && holes[position];
}
