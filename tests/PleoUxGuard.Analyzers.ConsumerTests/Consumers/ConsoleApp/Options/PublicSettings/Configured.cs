using Microsoft.Extensions.Configuration;

namespace ConsoleConsumer.Options.PublicSettings;

// pleouxguard.public_settings = GoogleMaps applies to Configured.cs only; Default.cs is the same code without it.
public static class Configured
{
    public static void Print(IConfiguration configuration) => Console.WriteLine(configuration["GoogleMaps:ApiKey"]);
}
