using MesaServicios.Application.Common.Reference;
using MesaServicios.Domain.HelpCenter;

namespace MesaServicios.Application.HelpCenter.Reference;

/// <summary>The help centre's own reference sets: article kinds and categories.</summary>
internal sealed class HelpCenterReferenceData : IReferenceDataContributor
{
    public IEnumerable<ReferenceSet> Sets() =>
    [
        new("helpArticleKinds",
        [
            Item(HelpArticleKind.Faq, "Pregunta frecuente", "Frequently asked question"),
            Item(HelpArticleKind.VideoTutorial, "Video tutorial", "Video tutorial"),
        ]),
        new("helpCategories",
        [
            Item(HelpCategory.GettingStarted, "Manual de uso", "User guide"),
            Item(HelpCategory.Account, "Cuenta y acceso", "Account and sign-in"),
            Item(HelpCategory.Tickets, "Crear un ticket", "Opening a ticket"),
            Item(HelpCategory.FollowUp, "Seguimiento de tickets", "Following a ticket"),
            Item(HelpCategory.Email, "Solicitudes por correo", "Requests by e-mail"),
            Item(HelpCategory.Equipment, "Equipos", "Equipment"),
            Item(HelpCategory.Solutions, "Soluciones", "Solutions"),
        ]),
    ];

    private static ReferenceItem Item<T>(T value, string es, string en)
        where T : struct, Enum =>
        new(value.ToString(), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), new LocalizedText(es, en));
}
