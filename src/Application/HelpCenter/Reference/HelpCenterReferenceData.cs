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
            ReferenceItems.Of(HelpArticleKind.Faq, "Pregunta frecuente", "Frequently asked question"),
            ReferenceItems.Of(HelpArticleKind.VideoTutorial, "Video tutorial", "Video tutorial"),
        ]),
        new("helpCategories",
        [
            ReferenceItems.Of(HelpCategory.GettingStarted, "Manual de uso", "User guide"),
            ReferenceItems.Of(HelpCategory.Account, "Cuenta y acceso", "Account and sign-in"),
            ReferenceItems.Of(HelpCategory.Tickets, "Crear un ticket", "Opening a ticket"),
            ReferenceItems.Of(HelpCategory.FollowUp, "Seguimiento de tickets", "Following a ticket"),
            ReferenceItems.Of(HelpCategory.Email, "Solicitudes por correo", "Requests by e-mail"),
            ReferenceItems.Of(HelpCategory.Equipment, "Equipos", "Equipment"),
            ReferenceItems.Of(HelpCategory.Solutions, "Soluciones", "Solutions"),
        ]),
    ];
}
