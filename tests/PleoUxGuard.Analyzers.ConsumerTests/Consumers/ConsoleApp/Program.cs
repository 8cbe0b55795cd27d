namespace ConsoleConsumer;

public static class Program
{
    public static int Main()
    {
        var connector = new PleoConnector(
            Environment.GetEnvironmentVariable("PLEO_API_KEY") ?? string.Empty,
            Environment.GetEnvironmentVariable("PLEO_COMPANY_ID") ?? string.Empty);
        return connector.Describe();
    }
}

public sealed class PleoConnector(string apiKey, string companyId)
{
    public int Describe()
    {
        Console.WriteLine("Connecting to Pleo");
        Console.WriteLine(companyId);
        Console.WriteLine(apiKey); // expect PUX001
        Console.WriteLine(apiKey.Length);
        return 0;
    }
}
