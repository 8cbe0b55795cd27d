namespace ConsoleConsumer.Silenced;

// .editorconfig sets PUX001 to none for this folder: the same leak as in Program.cs is not reported.
public static class SilencedByEditorConfig
{
    public static void Print(string apiKey) => Console.WriteLine(apiKey);
}
