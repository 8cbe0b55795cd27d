using Microsoft.Extensions.Configuration;

namespace ConsoleConsumer.Options.PublicSettings;

// pleouxguard.public_settings = GoogleMaps applies to Configured.cs only; Default.cs is the same code without it.
// The root (IConfigurationRoot) gives the key its path: an IConfiguration parameter of a static method may be a section.
public static class Default
{
    public static void Print(IConfigurationRoot configuration) => Console.WriteLine(configuration["GoogleMaps:ApiKey"]); // expect PUX001
}
