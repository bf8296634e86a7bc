namespace MesaServicios.Application.HelpCenter;

/// <summary>Settings of the help centre (section "HelpCenter").</summary>
public sealed class HelpCenterOptions
{
    public const string Section = "HelpCenter";

    /// <summary>Hosts (and their subdomains) that may serve video tutorials besides YouTube and Vimeo, always over https.</summary>
    public string[] InstitutionalVideoHosts { get; set; } = ["iescinoc.edu.co"];

    /// <summary>How many articles <c>GET /help/suggestions</c> returns.</summary>
    public int SuggestionCount { get; set; } = 5;

    /// <summary>Create the default articles (in Spanish) at first start.</summary>
    public bool SeedDefaultContent { get; set; } = true;
}
