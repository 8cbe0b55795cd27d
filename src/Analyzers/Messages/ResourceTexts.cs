using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>One <c>&lt;data&gt;</c> entry of a .resx file given as an AdditionalFile.</summary>
internal sealed class ResourceEntry
{
    public ResourceEntry(string name, string value, Location location)
    {
        Name = name;
        Value = value;
        Location = location;
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>The entry's value text inside the .resx file.</summary>
    public Location Location { get; }
}

/// <summary>
/// The texts of the neutral-culture .resx files of a compilation (Strings.resx, not Strings.fr.resx:
/// a translation follows its neutral text and is fixed there), by file name and entry name, so code
/// that reads <c>Strings.KeyRejected</c> from a generated resource class is judged by its text.
/// </summary>
internal sealed class ResourceTexts
{
    public static readonly ResourceTexts None = new(new Dictionary<string, Dictionary<string, ResourceEntry>>(StringComparer.Ordinal));

    private static readonly ConditionalWeakTable<Compilation, ResourceTexts> PerCompilation = new();

    private readonly Dictionary<string, Dictionary<string, ResourceEntry>> _byFile;

    private ResourceTexts(Dictionary<string, Dictionary<string, ResourceEntry>> byFile) => _byFile = byFile;

    /// <summary>The texts of the compilation's .resx files, read once for every rule that asks.</summary>
    public static ResourceTexts For(Compilation compilation, IEnumerable<AdditionalText> files, CancellationToken cancellationToken) =>
        PerCompilation.GetValue(compilation, _ => Read(files, cancellationToken));

    private static ResourceTexts Read(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        var byFile = new Dictionary<string, Dictionary<string, ResourceEntry>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!IsNeutralResx(file.Path, out var baseName))
            {
                continue;
            }

            var entries = new Dictionary<string, ResourceEntry>(StringComparer.Ordinal);
            foreach (var entry in ReadEntries(file, cancellationToken))
            {
                entries[entry.Name] = entry;
            }

            byFile[baseName] = entries;
        }

        return new ResourceTexts(byFile);
    }

    /// <summary>True for a .resx file with no culture in its name; <paramref name="baseName"/> is its name without extension.</summary>
    public static bool IsNeutralResx(string path, out string baseName)
    {
        baseName = string.Empty;
        if (!path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        baseName = Path.GetFileNameWithoutExtension(path);
        var dot = baseName.LastIndexOf('.');
        return dot < 0 || !LooksLikeCulture(baseName.Substring(dot + 1));
    }

    /// <summary>The entries of one .resx file; a file that is not well-formed XML has none.</summary>
    public static List<ResourceEntry> ReadEntries(AdditionalText file, CancellationToken cancellationToken)
    {
        var entries = new List<ResourceEntry>();
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return entries;
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(text.ToString(), LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            // Not ours to report: the resource generator tells the user about a broken .resx.
            return entries;
        }

        foreach (var data in document.Root?.Elements("data") ?? Array.Empty<XElement>())
        {
            var name = (string?)data.Attribute("name");
            var value = data.Element("value");
            if (name is null || value is null || data.Attribute("type") is not null || data.Attribute("mimetype") is not null)
            {
                continue;
            }

            entries.Add(new ResourceEntry(name, value.Value, LocationOf(file.Path, text, value)));
        }

        return entries;
    }

    /// <summary>The text of a static property of a generated resource class (one with a static ResourceManager).</summary>
    public bool TryGetText(IPropertySymbol property, out string text)
    {
        text = string.Empty;
        if (_byFile.Count == 0 || !property.IsStatic || property.Type.SpecialType != SpecialType.System_String
            || property.ContainingType.GetMembers("ResourceManager").Length == 0
            || !_byFile.TryGetValue(property.ContainingType.Name, out var entries)
            || !entries.TryGetValue(property.Name, out var entry))
        {
            return false;
        }

        text = entry.Value;
        return true;
    }

    private static Location LocationOf(string path, SourceText text, XElement value)
    {
        // Line info points at the "<" of <value>; the text starts after the start tag's ">".
        var lineInfo = (IXmlLineInfo)value;
        if (!lineInfo.HasLineInfo() || lineInfo.LineNumber > text.Lines.Count)
        {
            return Location.Create(path, default, default);
        }

        var tagStart = text.Lines[lineInfo.LineNumber - 1].Start + lineInfo.LinePosition - 2;
        var full = text.ToString();
        var contentStart = full.IndexOf('>', Math.Max(0, tagStart)) + 1;
        var contentEnd = full.IndexOf("</value>", contentStart, StringComparison.Ordinal);
        if (contentStart <= 0 || contentEnd < contentStart)
        {
            return Location.Create(path, default, default);
        }

        var span = TextSpan.FromBounds(contentStart, contentEnd);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static bool LooksLikeCulture(string segment)
    {
        var parts = segment.Split('-');
        if (parts[0].Length is < 2 or > 3)
        {
            return false;
        }

        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    return false;
                }
            }
        }

        foreach (var c in parts[0])
        {
            if (!char.IsLetter(c) || !char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
