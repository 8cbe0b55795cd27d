using Microsoft.Extensions.Logging;

namespace ConsoleConsumer;

// The logging source generator writes the implementing part of these methods (marked [GeneratedCode]); the
// secret parameter is reported here, on the part the user wrote, once.
public static partial class LoggerMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connecting with {ApiKey}")]
    public static partial void Connecting(ILogger logger, string apiKey); // expect PUX001

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connected to company {CompanyId}")]
    public static partial void Connected(ILogger logger, string companyId);
}
