using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>
/// ASP.NET Core's form reader refuses some input outright (a pasted NUL arrives as %00 and cannot be decoded),
/// which would end the request in a bare 400 before the page could explain anything. This sends the browser back
/// to the page it came from, so the page can say the input was not a key. Nothing was read or saved.
/// </summary>
/// <remarks>
/// The refusal travels in TempData (a one-time, encrypted cookie), as every other answer to a submission does, not in
/// the URL: a query string can be typed, bookmarked or reloaded, and would show the refusal where nothing was submitted.
/// The page the browser is sent back to reads it once; a view of any other page drops it unsaid.
/// </remarks>
internal static class UnreadableFormGuard
{
    // The value is the path whose form was refused: only that page, opened by the redirect, says so.
    private const string TempDataKey = "UnreadableFormRefused";

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
                    var back = PathOf(context.Request);
                    if (IsLocalPath(back))
                    {
                        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
                        tempData[TempDataKey] = back;
                        tempData.Save();
                        context.Response.Redirect(back);
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

    /// <summary>
    /// Whether this page view is the one the guard sent the browser back to after refusing its form. Asks once: the
    /// refusal is gone afterwards, so a reload, a later visit or a typed URL does not show it.
    /// </summary>
    public static bool WasRefused(HttpRequest request, ITempDataDictionary tempData) =>
        tempData[TempDataKey] is string path && string.Equals(path, PathOf(request), StringComparison.Ordinal);

    private static string PathOf(HttpRequest request) => $"{request.PathBase}{request.Path}";

    /// <summary>A path on this site, as <c>IUrlHelper.IsLocalUrl</c> tells one: not <c>//host</c> nor <c>/\host</c>.</summary>
    private static bool IsLocalPath(string path) =>
        path.Length > 0 && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
