using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RazorPagesConsumer.Pages;

/// <summary>Key rotation: asp-for binds the form to the model; only password inputs keep a key off the page.</summary>
public sealed class RotateModel : PageModel
{
    [BindProperty]
    public string NewApiKey { get; set; } = "";

    [BindProperty]
    [DataType(DataType.Password)]
    public string ConfirmApiKey { get; set; } = "";

    public string PreviousApiKey { get; set; } = "";

    public string CompanyId { get; set; } = "";

    public string Notes { get; set; } = "";
}
