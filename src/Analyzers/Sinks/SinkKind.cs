namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>Where a value ends up. Each secret rule watches one kind; PUX005 watches them all.</summary>
internal enum SinkKind
{
    /// <summary>Logs and diagnostic output (PUX001).</summary>
    Log,

    /// <summary>Exception and user-facing messages (PUX002).</summary>
    Message,

    /// <summary>HTTP responses, JSON and Razor markup sent to the client (PUX004).</summary>
    Client,

    /// <summary>URLs: query strings and paths (PUX006).</summary>
    Url,

    /// <summary>Cookies, response headers, browser storage and client-side script (PUX007).</summary>
    Browser,
}
