namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>
/// ASP.NET Core's form reader refuses some input outright (a pasted NUL arrives as %00 and cannot be decoded),
/// which would end the request in a bare 400 before the page could explain anything. This sends the browser back
/// to the page it came from with a flag, so the page can say the input was not a key. Nothing was read or saved.
/// </summary>
internal static class UnreadableFormGuard
{
    public const string QueryFlag = "refused";
    public const string QueryValue = "unreadable-input";

    public static IApplicationBuilder UseUnreadableFormGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    context.Response.Redirect($"{context.Request.PathBase}{context.Request.Path}?{QueryFlag}={QueryValue}");
                    return;
                }
            }

            await next(context);
        });

    public static bool WasRefused(HttpRequest request) => request.Query[QueryFlag] == QueryValue;
}
