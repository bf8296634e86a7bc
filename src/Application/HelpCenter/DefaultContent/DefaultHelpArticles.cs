using MesaServicios.Domain.HelpCenter;

namespace MesaServicios.Application.HelpCenter.DefaultContent;

/// <summary>One default article: its key (also its first slug), where it goes, and its Spanish text in Markdown.</summary>
internal sealed record DefaultHelpArticle(string Key, HelpCategory Category, int Order, string Title, IReadOnlyList<string> Tags, string Body);

/// <summary>
/// The help centre's default content, in Spanish, written from the institution's help text (FAQ and user manual).
/// Created once at first start; after that the desk owns it (edits are never overwritten). No video tutorial is
/// included: the institution has not published its videos yet (the README explains how to add one).
/// </summary>
internal static class DefaultHelpArticles
{
    public static IReadOnlyList<DefaultHelpArticle> All { get; } =
    [
        new("que-es-la-mesa-de-servicios", HelpCategory.GettingStarted, 1, "¿Qué es la Mesa de Servicios?", ["manual", "introducción", "Oficina TIC"],
            """
            La Mesa de Servicios de la IES CINOC es la herramienta de la institución para resolver las dudas y los
            inconvenientes con los servicios técnicos y tecnológicos que usas cada día: equipos, programas, cuentas,
            redes y préstamo de equipos.

            Al registrar tus casos en la Mesa de Servicios:

            - tus solicitudes se atienden y se resuelven con mayor rapidez;
            - te asesora personal calificado, dedicado al servicio que consultas;
            - puedes seguir en todo momento el estado de tu solicitud;
            - la Oficina TIC identifica los inconvenientes más frecuentes y toma medidas para que no se repitan.

            Puedes crear un ticket desde el portal o enviando un correo (consulta *¿Cómo creo un ticket por correo electrónico?*).
            """),
        new("olvide-mi-contrasena", HelpCategory.Account, 1, "Olvidé mi contraseña", ["contraseña", "clave", "acceso", "recuperar"],
            """
            Si no recuerdas tu contraseña de acceso a la Mesa de Servicios:

            1. En la página de inicio de sesión, haz clic en el enlace **¿Olvidó su contraseña?**.
            2. En la página de recuperación, escribe tu **correo institucional** y envía la solicitud.
            3. Abre tu correo: llegará un mensaje de la plataforma con un enlace.
            4. Haz clic en el enlace del mensaje; te llevará a la página donde asignas tu nueva contraseña.

            El enlace sirve una sola vez y vence después de un tiempo; si venció, pide uno nuevo repitiendo los pasos.
            """),
        new("cerrar-sesion", HelpCategory.Account, 2, "¿Cómo cierro mi sesión?", ["sesión", "salir"],
            """
            Abre el menú de usuario, en la esquina superior derecha de la pantalla (el círculo con las iniciales de tu
            nombre), y elige la última opción, **Cerrar sesión**. Hazlo siempre que uses un equipo compartido.
            """),
        new("incidencia-o-requerimiento", HelpCategory.Tickets, 1, "¿Mi caso es una incidencia o un requerimiento?", ["tipo", "incidencia", "requerimiento", "solicitud"],
            """
            Al crear un ticket eliges su tipo:

            - **Incidencia**: algo está dañado o falla. Puede ser un problema con un equipo físico (computador,
              impresora, videobeam) o una falla de un programa o aplicación que usas.
            - **Requerimiento**: pides algo. Información, la creación de un usuario, un servicio, un equipo u otros.

            Ejemplos: «la impresora no imprime» es una incidencia; «necesito que instalen un programa» es un requerimiento.
            """),
        new("niveles-de-urgencia", HelpCategory.Tickets, 2, "¿Qué nivel de urgencia debo elegir?", ["urgencia", "prioridad", "niveles"],
            """
            La urgencia indica cuánto te afecta el caso. Elige el nivel según tu situación:

            | Nivel | Cuándo elegirlo |
            |---|---|
            | **Muy urgente** | Si no se atiende, se detienen tus actividades o los objetivos de tu área desde el día en que ocurre. |
            | **Alta** | Puedes seguir trabajando algunos días, pero necesitas el servicio para enfocar tu proceso. |
            | **Mediana** | No afecta de forma muy significativa tu trabajo y puede resolverse a corto plazo. |
            | **Baja** | No afecta tu trabajo y puede resolverse a mediano plazo. |
            | **Muy baja** | No afecta tu trabajo y puede resolverse a largo plazo. |

            Todas las incidencias son importantes: la Oficina TIC las atiende en el orden en que llegan al sistema.
            """),
        new("equipo-en-mi-poder", HelpCategory.Equipment, 1, "Mi caso tiene que ver con un equipo que tengo en reserva", ["equipo", "reserva", "material", "préstamo"],
            """
            Si el ticket se relaciona con un equipo que pediste en reserva y que **está en tu poder** (por ejemplo, un
            portátil o un videobeam prestado), puedes elegir ese equipo y su tipo de material al crear el ticket.

            Si el caso no tiene que ver con un equipo que tengas en préstamo, deja ese campo vacío.
            """),
        new("observadores", HelpCategory.Tickets, 3, "¿Qué son los observadores de un ticket?", ["observador", "observadores", "notificaciones"],
            """
            Los observadores son otras personas a quienes les ocurre el mismo inconveniente o que tienen alguna relación
            con el caso. Al agregarlas como observadoras del ticket, el sistema les avisa de cada seguimiento y de la
            solución, sin que tengas que reenviarles nada.
            """),
        new("tiempo-de-respuesta", HelpCategory.FollowUp, 1, "¿En cuánto tiempo responden mi ticket?", ["respuesta", "plazo", "días", "tiempo"],
            """
            La Oficina TIC responde los tickets en un plazo de hasta **5 días** desde su creación, sea cual sea su
            urgencia. Los casos se atienden en el orden en que ingresan al sistema: todas las incidencias son importantes.

            Mientras tanto puedes consultar el estado de tu ticket y agregar información en sus seguimientos.
            """),
        new("estado-de-mi-ticket", HelpCategory.FollowUp, 2, "¿Dónde veo el estado de mi ticket?", ["estado", "seguimiento", "mis tickets"],
            """
            Haz clic en el botón **Tickets** del panel lateral izquierdo. Verás la lista de las solicitudes que has creado,
            con toda su información; la **segunda columna** muestra el estado de cada una:

            - **Nuevo**: aún nadie lo ha tomado.
            - **En curso**: un técnico lo está atendiendo.
            - **En espera**: se espera una respuesta tuya o de un tercero.
            - **Resuelto**: hay una solución; puedes aprobarla o rechazarla.
            - **Cerrado**: el caso terminó.
            """),
        new("aprobar-o-rechazar-solucion", HelpCategory.FollowUp, 3, "¿Cómo apruebo o rechazo la solución?", ["solución", "aprobar", "rechazar", "resuelto"],
            """
            Cuando el soporte soluciona tu caso, el ticket pasa al estado **Resuelto** y recibes un aviso.

            - Para **aprobar** la solución y terminar el proceso, haz clic sobre el nombre del ticket y elige
              **Aprobar**; si quieres, agrega un comentario. El ticket queda cerrado.
            - Si no quedaste satisfecho, elige **Rechazar** e indica el motivo. El caso vuelve al estado **En curso** y
              el técnico recibe un aviso para revisarlo de nuevo.

            También puedes aprobar o rechazar desde los enlaces del correo que te avisa de la solución.
            """),
        new("crear-ticket-por-correo", HelpCategory.Email, 1, "¿Cómo creo un ticket por correo electrónico?", ["correo", "email", "solicitud", "asunto"],
            """
            Puedes crear un ticket sin entrar al portal, enviando un correo:

            - **Destinatario**: `soporte@iescinoc.edu.co`.
            - **Asunto**: una idea corta que resuma el caso y que contenga la palabra **solicitud** (por ejemplo,
              «Solicitud de instalación de un programa»). Gracias a esa palabra el mensaje se clasifica como
              solicitud y el ticket se crea automáticamente.
            - **Mensaje**: describe en detalle lo que necesitas de la Oficina TIC e incluye como mínimo estos cuatro datos:
              1. nombre del funcionario o contratista que requiere el servicio;
              2. dependencia;
              3. número de contacto;
              4. detalle de la solicitud.

            Adjunta los archivos que ayuden a entender el caso. Al enviar el mensaje se crea un ticket nuevo en la
            plataforma y recibes su número para hacerle seguimiento.
            """),
    ];
}
