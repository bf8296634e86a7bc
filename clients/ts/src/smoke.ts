// A front-end's first steps against a running Mesa de Servicios, through the client generated from
// docs/openapi.json (openapi-typescript + openapi-fetch). Every call is typed by the contract: a change to the
// contract that breaks a front-end breaks the compilation (tsc --strict) or one of these steps.
//   MESA_API=http://127.0.0.1:5080 MESA_ADMIN_EMAIL=… MESA_ADMIN_PASSWORD=… node dist/smoke.js
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./api.js";

type Schemas = components["schemas"];
type Api = Client<paths>;

const baseUrl = required("MESA_API");
const adminEmail = required("MESA_ADMIN_EMAIL");
const adminPassword = required("MESA_ADMIN_PASSWORD");
const password = "Clave-Smoke-2026!";
const run = Date.now().toString(36);

interface Desk {
  admin: Api;
  requester: Api;
  technician: Api;
  observerEmail: string;
  requesterEmail: string;
  ticket?: Schemas["TicketDetails"];
  itemId?: string;
}

/** The steps, in order. A new module adds its step here. */
const steps: Array<[name: string, step: (desk: Desk) => Promise<void>]> = [
  ["open a ticket with an observer", async (desk) => {
    const { data, error, response } = await desk.requester.POST("/api/v1/tickets", {
      body: {
        title: "La impresora del bloque B no imprime",
        description: "Desde esta mañana muestra error de papel atascado.",
        type: "Incident",
        urgency: "High",
        observers: [desk.observerEmail],
      },
    });
    expect(response.status === 201 && data !== undefined, "open", error);
    expect(data.observers.some((o) => o.name === `Smoke observer ${run}`), "the observer is on the ticket", data.observers);
    desk.ticket = data;
  }],
  ["list my tickets", async (desk) => {
    const { data, error } = await desk.requester.GET("/api/v1/me/tickets", { params: { query: { page: 1, pageSize: 20 } } });
    expect(data !== undefined, "list mine", error);
    expect(data.items.some((t) => t.id === desk.ticket!.id), "my new ticket is in my list", data.items);
  }],
  ["follow up", async (desk) => {
    const { data, error } = await desk.requester.POST("/api/v1/tickets/{id}/follow-ups", {
      params: { path: { id: desk.ticket!.id } },
      body: { content: "Ya reinicié el equipo y el problema continúa.", isPrivate: false },
    });
    expect(data !== undefined, "follow up", error);
  }],
  ["solve (the desk takes it and solves it)", async (desk) => {
    const id = desk.ticket!.id;
    const taken = await desk.technician.POST("/api/v1/tickets/{id}/assign-to-me", { params: { path: { id } } });
    expect(taken.data?.status === "InProgress", "assign to me", taken.error);
    const solved = await desk.technician.POST("/api/v1/tickets/{id}/solve", {
      params: { path: { id } },
      body: { solution: "Se reemplazó el rodillo de alimentación." },
    });
    expect(solved.data?.status === "Solved", "solve", solved.error);
  }],
  ["approve", async (desk) => {
    const { data, error } = await desk.requester.POST("/api/v1/tickets/{id}/approve", {
      params: { path: { id: desk.ticket!.id } },
      body: { comment: "Gracias, ya funciona." },
    });
    expect(data?.status === "Closed", "approve closes the ticket", error ?? data?.status);
  }],
  ["reserve an item", async (desk) => {
    const type = await desk.admin.POST("/api/v1/material-types", { body: { name: `Portátil ${run}` } });
    expect(type.data !== undefined, "material type", type.error);
    const item = await desk.admin.POST("/api/v1/equipment", {
      body: { code: `PT-${run}`, name: "Portátil Lenovo ThinkPad E14", materialTypeId: type.data.id, location: "Oficina TIC", notes: null },
    });
    expect(item.data !== undefined, "equipment item", item.error);
    const start = nextWeekdayAt(15);
    const { data, error } = await desk.requester.POST("/api/v1/reservations", {
      body: { itemId: item.data.id, start: start.toISOString(), end: new Date(start.getTime() + 2 * 3600_000).toISOString(), purpose: "Clase de Física II, salón 204" },
    });
    expect(data?.status === "Reserved", "book", error);
  }],
  ["read the reference data", async (desk) => {
    const { data, error } = await desk.requester.GET("/api/v1/reference");
    expect(data !== undefined, "reference data", error);
    expect(Object.keys(data).length > 0, "reference data has sets", data);
  }],
  ["read a report", async (desk) => {
    // Report days are the office's days (Bogotá, UTC-5): yesterday and today in UTC cover "today" there.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { data, error } = await desk.technician.GET("/api/v1/reports/tickets/counts", {
      params: { query: { by: "urgency", from: day(-1), to: day(0) } },
    });
    expect(data !== undefined, "ticket counts by urgency", error);
    const high = data.rows.find((r) => r.key === "High");
    expect(high !== undefined && high.count >= 1, "today's high-urgency ticket is counted", data.rows);
  }],
];

async function main(): Promise<void> {
  const admin = await signIn(adminEmail, adminPassword);
  const requesterEmail = `smoke.requester.${run}@iescinoc.edu.co`;
  const observerEmail = `smoke.observer.${run}@iescinoc.edu.co`;
  const technicianEmail = `smoke.technician.${run}@iescinoc.edu.co`;
  const people = [[requesterEmail, "requester", "Requester"], [observerEmail, "observer", "Requester"], [technicianEmail, "technician", "Technician"]] as const;
  for (const [email, label, role] of people) {
    const { error, response } = await admin.POST("/api/v1/users", {
      body: { email, fullName: `Smoke ${label} ${run}`, department: "Oficina TIC", phone: null, role, language: "es", password },
    });
    expect(response.status === 201, `create ${role}`, error);
  }

  const desk: Desk = {
    admin,
    requester: await signIn(requesterEmail, password),
    technician: await signIn(technicianEmail, password),
    observerEmail,
    requesterEmail,
  };
  let failed = 0;
  for (const [name, step] of steps) {
    try {
      await step(desk);
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  console.log(`smoke: ${steps.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

async function signIn(email: string, secret: string): Promise<Api> {
  const anonymous = createClient<paths>({ baseUrl });
  const { data, error } = await anonymous.POST("/api/v1/auth/token", { body: { email, password: secret, grantType: null, refreshToken: null } });
  expect(data !== undefined, `sign in ${email}`, error);
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${data.access_token}` } });
  const me = await client.GET("/api/v1/me");
  expect(me.data?.email === email, "GET /api/v1/me answers the signed-in user", me.error);
  return client;
}

/** The next Monday-to-Friday at the given hour in Bogotá (UTC-5, no daylight saving), at least a day ahead. */
function nextWeekdayAt(hour: number): Date {
  const day = new Date(Date.now() + 24 * 3600_000);
  for (;;) {
    const bogota = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour + 5));
    const weekday = bogota.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      return bogota;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
}

function expect(condition: boolean, what: string, detail?: unknown): asserts condition {
  if (!condition) {
    throw new Error(`${what} failed: ${JSON.stringify(detail)}`);
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

await main();
