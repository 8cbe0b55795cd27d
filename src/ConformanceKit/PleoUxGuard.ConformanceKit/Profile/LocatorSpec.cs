using System.Text.Json;
using System.Text.Json.Serialization;

namespace PleoUxGuard.ConformanceKit.Profile;

/// <summary>
/// One way to find an element: by ARIA role (with an accessible name), by label, by test id, by visible
/// text or by CSS. Exactly one strategy per spec; role may carry a name.
/// </summary>
public sealed class LocatorSpec
{
    /// <summary>An ARIA role, e.g. "button", "link", "textbox", "status", "alert".</summary>
    public string? Role { get; init; }

    /// <summary>The accessible name that goes with <see cref="Role"/>.</summary>
    public TextPattern? Name { get; init; }

    /// <summary>The text of the field's label (or aria-label).</summary>
    public TextPattern? Label { get; init; }

    /// <summary>The value of the test-id attribute (data-testid).</summary>
    public string? TestId { get; init; }

    /// <summary>Visible text of the element.</summary>
    public TextPattern? Text { get; init; }

    /// <summary>A CSS selector, the last resort.</summary>
    public string? Css { get; init; }

    /// <summary>How this spec reads in doctor's output and in messages.</summary>
    public string Describe() =>
        Role is not null ? (Name is null ? $"role={Role}" : $"role={Role} name={Name}")
        : Label is not null ? $"label={Label}"
        : TestId is not null ? $"testId={TestId}"
        : Text is not null ? $"text={Text}"
        : Css is not null ? $"css={Css}"
        : "(empty locator)";

    public override string ToString() => Describe();
}

/// <summary>
/// A locator as the profile gives it: one spec, or a list of alternatives tried together (the first one
/// that matches wins, and doctor says which).
/// </summary>
[JsonConverter(typeof(LocatorChoiceJsonConverter))]
public sealed class LocatorChoice
{
    public LocatorChoice(IReadOnlyList<LocatorSpec> alternatives, bool isDefault = false)
    {
        Alternatives = alternatives;
        IsDefault = isDefault;
    }

    public IReadOnlyList<LocatorSpec> Alternatives { get; }

    /// <summary>True when it is the kit's accessible default rather than the profile's own.</summary>
    public bool IsDefault { get; }

    public string Describe() => string.Join(" or ", Alternatives.Select(spec => spec.Describe()));

    public override string ToString() => Describe();
}

internal sealed class LocatorChoiceJsonConverter : JsonConverter<LocatorChoice>
{
    public override LocatorChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = reader.TokenStartIndex;
        try
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var list = JsonSerializer.Deserialize<List<LocatorSpec>>(ref reader, options) ?? [];
                return new LocatorChoice(list);
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var spec = JsonSerializer.Deserialize<LocatorSpec>(ref reader, options)!;
                return new LocatorChoice([spec]);
            }
        }
        catch (JsonException problem)
        {
            // The nested read numbers paths and lines from the locator itself; the loader adds where the locator starts.
            throw new NestedJsonException(problem, start);
        }

        throw new JsonException("expected a locator object such as {\"label\": \"/api key/i\"} or a list of them");
    }

    public override void Write(Utf8JsonWriter writer, LocatorChoice value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Alternatives, options);
}

/// <summary>
/// A problem inside a value read as a document of its own: <see cref="Inner"/>'s path and line count from that
/// value, which starts at byte <see cref="Start"/> of the profile; this exception's own path is the value's.
/// </summary>
internal sealed class NestedJsonException(JsonException inner, long start) : JsonException(inner.Message, inner)
{
    public JsonException Inner { get; } = inner;

    /// <summary>The UTF-8 byte offset of the value in the whole profile.</summary>
    public long Start { get; } = start;
}
