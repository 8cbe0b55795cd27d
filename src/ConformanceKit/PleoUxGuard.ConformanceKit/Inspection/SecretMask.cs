namespace PleoUxGuard.ConformanceKit.Inspection;

/// <summary>
/// Masks every piece (4 characters or more) of the given keys in a text, so no evidence, message or report
/// can carry a key even when the page under test leaks one.
/// </summary>
public sealed class SecretMask
{
    public const int PieceLength = 4;
    private readonly IReadOnlyCollection<string> _secrets;

    public SecretMask(IEnumerable<string> secrets) => _secrets = secrets.Where(s => s.Length >= PieceLength).Distinct().ToList();

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secrets.Count == 0)
        {
            return text ?? string.Empty;
        }

        var masked = new bool[text.Length];
        foreach (var secret in _secrets)
        {
            for (var start = 0; start + PieceLength <= secret.Length; start++)
            {
                var piece = secret.AsSpan(start, PieceLength);
                var from = 0;
                while (from <= text.Length - PieceLength)
                {
                    var at = text.AsSpan(from).IndexOf(piece, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    Array.Fill(masked, true, from + at, PieceLength);
                    from += at + 1;
                }
            }
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (masked[i])
            {
                chars[i] = '•';
            }
        }

        return new string(chars);
    }
}
