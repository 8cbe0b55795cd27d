using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RazorPagesConsumer.Pages;

public sealed class IndexModel : PageModel
{
    public string Status { get; private set; } = "Not connected";

    public void OnPost(string apiKey)
    {
        Console.WriteLine($"Connecting with {apiKey.Length} characters");
        Console.WriteLine(apiKey); // expect PUX001
        Status = "Validation in progress";
    }
}
