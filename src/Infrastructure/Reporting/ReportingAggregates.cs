namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// SQL text both reporting stores share (the same on SQLite and PostgreSQL: instants are UTC ticks on both): the
/// service-level verdicts counted in the database, and the narrow read of the stored business times. Each store puts
/// in its own WHERE clause on alias t.
/// </summary>
internal static class ReportingAggregates
{
    /// <summary>Per urgency: missed, met, all (running = all − missed − met); <paramref name="now"/> is a parameter placeholder.</summary>
    public static string Compliance(string where, string now) => $"""
        SELECT v.u, SUM(v.missed), SUM(CASE WHEN v.missed = 0 AND v.solved = 1 THEN 1 ELSE 0 END), COUNT(*)
        FROM (SELECT t."Urgency" AS u,
                     CASE WHEN COALESCE(t."FirstResponseAt", t."SolvedAt", {now}) > t."SlaOwnDueAt"
                            OR COALESCE(t."SolvedAt", t."SlaPausedSince", {now}) > t."SlaResolveDueAt" THEN 1 ELSE 0 END AS missed,
                     CASE WHEN t."SolvedAt" IS NULL THEN 0 ELSE 1 END AS solved
              FROM "Tickets" t WHERE {where} AND t."SlaOwnTargetMinutes" > 0) v
        GROUP BY v.u
        """;

    /// <summary>
    /// Urgency, technician id, time to own (null unless owned), time to resolve (null unless solved), and 1 when the
    /// ticket was owned or solved without its stored time (the caller then measures on the calendar).
    /// </summary>
    public static string Durations(string where, string technicianName, string join) => $"""
        SELECT t."Urgency", t."AssignedTechnicianId", {technicianName},
               CASE WHEN t."FirstResponseAt" IS NULL THEN NULL ELSE t."OwnBusinessMinutes" END,
               CASE WHEN t."SolvedAt" IS NULL THEN NULL ELSE t."ResolveBusinessMinutes" END,
               CASE WHEN (t."FirstResponseAt" IS NOT NULL AND t."OwnBusinessMinutes" IS NULL)
                      OR (t."SolvedAt" IS NOT NULL AND t."ResolveBusinessMinutes" IS NULL) THEN 1 ELSE 0 END
        FROM "Tickets" t{join} WHERE {where}
        """;
}
