using System.Collections.Generic;
using System.Collections.Immutable;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>A list option: entries separated by <see cref="Separator"/>, each checked by its <see cref="OptionEntryKind"/>.</summary>
internal sealed class ListOption : PleoOption
{
    public ListOption(string key, OptionEntryKind entryKind, string description, char separator = ',')
        : base(key, description)
    {
        EntryKind = entryKind;
        Separator = separator;
    }

    public OptionEntryKind EntryKind { get; }

    public char Separator { get; }

    public override object Parse(string raw, List<string> problems)
    {
        var entries = ImmutableArray.CreateBuilder<string>();
        if (raw.Trim().Length == 0)
        {
            return entries.ToImmutable();
        }

        var parts = raw.Split(Separator);
        for (var index = 0; index < parts.Length; index++)
        {
            var entry = parts[index].Trim();
            if (entry.Length == 0)
            {
                // A trailing separator is a harmless habit; an empty entry in the middle is a typo worth showing.
                if (index != parts.Length - 1)
                {
                    problems.Add($"entry {index + 1} is empty; separate entries with a single '{Separator}'");
                }

                continue;
            }

            var problem = OptionEntryKinds.Check(EntryKind, entry);
            if (problem is null)
            {
                entries.Add(EntryKind switch
                {
                    OptionEntryKind.Words => OptionEntryKinds.NormaliseWords(entry),
                    OptionEntryKind.SettingPath => OptionEntryKinds.NormaliseSettingPath(entry),
                    OptionEntryKind.BuiltInJargonTerm => PleoUxGuard.Shared.MessageCatalogue.Normalize(entry),
                    _ => entry,
                });
            }
            else
            {
                problems.Add($"'{entry}' {problem}");
            }
        }

        return entries.ToImmutable();
    }
}
