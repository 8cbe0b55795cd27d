using System;
using System.Collections.Immutable;

namespace PleoUxGuard.Analyzers.Configuration;

/// <summary>
/// The configuration sections and keys <c>pleouxguard.public_settings</c> declares public: values made to be in the
/// browser, such as a Google Maps key restricted by referrer. A setting is public when its path is one of them or lies
/// below one (<c>GoogleMaps</c> covers <c>GoogleMaps:ApiKey</c>, not <c>GoogleMapsServer:ApiKey</c>), compared as
/// configuration compares keys (case aside, <c>__</c> as <c>:</c>), and no part of the path names Pleo.
/// </summary>
internal sealed class PublicSettings
{
    private readonly ImmutableArray<string> _entries;

    public PublicSettings(ImmutableArray<string> entries) => _entries = entries;

    public bool IsEmpty => _entries.IsEmpty;

    /// <summary>Whether the setting at <paramref name="path"/> (a section or a key) is public.</summary>
    public bool Covers(string path)
    {
        if (_entries.IsEmpty)
        {
            return false;
        }

        path = OptionEntryKinds.NormaliseSettingPath(path);
        foreach (var entry in _entries)
        {
            if (path.Length >= entry.Length
                && string.Compare(path, 0, entry, 0, entry.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (path.Length == entry.Length || path[entry.Length] == ':'))
            {
                // Integrations:Pleo:ApiKey under a public Integrations: the Pleo key is a secret whatever holds it.
                return !NamesPleo(path);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a part of the path (or a name) has pleo in it, case aside: <c>Pleo</c>, <c>PleoApi</c>, <c>pleo_export</c>,
    /// and run together too (<c>pleoapi</c>, <c>PLEOAPI</c>, <c>MyPleoKey</c>), since an environment variable or a
    /// lower-case key has no word boundaries to look for. A stray match keeps a setting secret, the safe side.
    /// </summary>
    public static bool NamesPleo(string path) => path.IndexOf("pleo", StringComparison.OrdinalIgnoreCase) >= 0;
}
