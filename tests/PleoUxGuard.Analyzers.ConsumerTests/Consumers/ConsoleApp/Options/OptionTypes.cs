namespace ConsoleConsumer.Options;

/// <summary>A value from a vault; a secret only where pleouxguard.secret_types names it.</summary>
public sealed class VaultValue(string text)
{
    public string Text { get; } = text;

    public override string ToString() => Text;
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ClassifiedAttribute : Attribute;

public static class Obscuring
{
    public static string Obscure(this string value) => new string(value.Reverse().ToArray());
}

public sealed class VaultException(string message) : Exception(message);
