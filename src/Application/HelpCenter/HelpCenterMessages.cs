namespace MesaServicios.Application.HelpCenter;

internal static class HelpCenterMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["help.not_found"] = ("El artículo de ayuda no existe.", "The help article does not exist."),
        ["help.slug_invalid"] = ("La dirección del artículo (slug) solo admite minúsculas sin tildes, números y guiones, con al menos una letra (máximo 120 caracteres).", "The article's address (slug) allows only lower-case letters without accents, digits and hyphens, with at least one letter (at most 120 characters)."),
        ["help.slug_taken"] = ("Ya existe un artículo con esa dirección (slug).", "An article with that address (slug) already exists."),
        ["help.title_required"] = ("El título es obligatorio (máximo 200 caracteres).", "The title is required (at most 200 characters)."),
        ["help.body_required"] = ("El contenido es obligatorio (Markdown, máximo 20.000 caracteres).", "The body is required (Markdown, at most 20,000 characters)."),
        ["help.english_incomplete"] = ("La versión en inglés necesita título y contenido (o ninguno de los dos).", "The English version needs both a title and a body (or neither)."),
        ["help.kind_invalid"] = ("El tipo debe ser Faq o VideoTutorial.", "The kind must be Faq or VideoTutorial."),
        ["help.category_invalid"] = ("La categoría no existe. Consulta las categorías en /api/v1/reference.", "The category does not exist. See the categories in /api/v1/reference."),
        ["help.tags_invalid"] = ("Se admiten máximo 12 etiquetas de máximo 40 caracteres cada una.", "At most 12 tags of at most 40 characters each are allowed."),
        ["help.order_invalid"] = ("El orden debe estar entre 0 y 10.000.", "The order must be between 0 and 10,000."),
        ["help.video_required"] = ("Un video tutorial necesita la dirección del video y su duración.", "A video tutorial needs the video's address and its length."),
        ["help.video_url_invalid"] = ("La dirección del video debe ser https y de YouTube, Vimeo o un servidor de la institución.", "The video's address must be https and on YouTube, Vimeo or an institutional server."),
        ["help.video_duration_invalid"] = ("La duración del video debe estar entre 1 segundo y 10 horas.", "The video's length must be between 1 second and 10 hours."),
        ["help.video_only_for_tutorials"] = ("Solo los video tutoriales llevan video y transcripción.", "Only video tutorials have a video and a transcript."),
        ["help.transcript_too_long"] = ("La transcripción admite máximo 50.000 caracteres.", "The transcript allows at most 50,000 characters."),
        ["help.already_published"] = ("El artículo ya está publicado.", "The article is already published."),
        ["help.not_published"] = ("El artículo no está publicado.", "The article is not published."),
        ["help.query_required"] = ("Escribe qué buscas (entre 2 y 200 caracteres).", "Type what you are looking for (between 2 and 200 characters)."),
        ["help.text_required"] = ("Escribe el texto del ticket (máximo 4.000 caracteres).", "Type the ticket's text (at most 4,000 characters)."),
        ["help.limit_invalid"] = ("El límite debe estar entre 1 y 50.", "The limit must be between 1 and 50."),
        ["help.ticket_not_found"] = ("El ticket no existe.", "The ticket does not exist."),
        ["help.ticket_not_solved"] = ("Solo la solución de un ticket resuelto o cerrado puede publicarse como artículo.", "Only the solution of a solved or closed ticket can be published as an article."),
        ["help.ticket_required"] = ("Indica el número del ticket.", "Give the ticket's number."),
        ["help.from_ticket_title"] = ("Solución: {0}", "Solution: {0}"),
    };
}
