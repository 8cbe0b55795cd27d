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
                    // Back only to a path of this site: anyone can post such a form (this runs before sign-in and the
                    // antiforgery check), and a path like //evil.example reads as another site in a Location header.
                    var back = $"{context.Request.PathBase}{context.Request.Path}";
                    if (IsLocalPath(back))
                    {
                        context.Response.Redirect($"{back}?{QueryFlag}={QueryValue}");
                    }
                    else
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    }

                    return;
                }
            }

            await next(context);
        });

    public static bool WasRefused(HttpRequest request) => request.Query[QueryFlag] == QueryValue;

    /// <summary>A path on this site, as <c>IUrlHelper.IsLocalUrl</c> tells one: not <c>//host</c> nor <c>/\host</c>.</summary>
    private static bool IsLocalPath(string path) =>
        path.Length > 0 && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
