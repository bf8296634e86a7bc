"""What the tickets' full-text index costs a creation, measured on SQLite alone (no HTTP, no EF).

Copies a migrated database (the TicketSearch migration applied: the FTS5 table), then inserts ticket rows the way the
write engine commits them (a few per transaction, WAL, synchronous=NORMAL), once with an insert trigger writing the
FTS5 entry in the same transaction (the design this measure turned down) and once without, alternating rounds so that
the machine's load hits both alike.

Usage: python3 bench/TicketSearchCost/insert_cost.py <migrated.db> [rows per round=4000] [rows per commit=4] [rounds=6]
"""
import os, shutil, sqlite3, statistics, sys, tempfile, time

source = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
per_commit = int(sys.argv[3]) if len(sys.argv) > 3 else 4
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 6
work = tempfile.mkdtemp(prefix="mesa-search-cost-")
titles = ["La impresora no imprime", "Correo no recibe mensajes", "Sin wifi en la oficina", "Restablecer contrasena",
          "El videobeam no proyecta", "Licencia de Office vencida", "Computador muy lento"]


def run(with_trigger, start_id):
    path = os.path.join(work, f"round-{start_id}.db")
    shutil.copy(source, path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute('DROP TRIGGER IF EXISTS "TR_Tickets_Search_Insert"')
    if with_trigger:
        db.execute('CREATE TRIGGER "TR_Tickets_Search_Insert" AFTER INSERT ON "Tickets" BEGIN '
                   'INSERT INTO TicketSearch (rowid, "SearchText") VALUES (new."Id", new."SearchText"); END')
    began = time.perf_counter()
    for i in range(rows):
        if i % per_commit == 0:
            db.execute("BEGIN IMMEDIATE")
        n = start_id + i
        title = titles[n % len(titles)]
        text = f"{title}\nreportado desde la oficina {n % 25}; el problema se presenta desde hoy y afecta el trabajo de la oficina numero {n}".lower()
        db.execute(
            'INSERT INTO Tickets (Id, Title, Description, Type, Status, Urgency, Impact, Priority, Source, RequesterId, RequesterName, '
            'RequesterDepartment, ClosedAutomatically, SearchText, IsIncomplete, CreatedAt, UpdatedAt, Version, TimelineSequence, SlaFired, '
            'SlaOwnDueAt, SlaOwnTargetMinutes, SlaOwnWarnAt, SlaPausedMinutes, SlaResolveDueAt, SlaResolveTargetMinutes, SlaResolveWarnAt, SlaWarningPercent) '
            "VALUES (?, ?, ?, 1, 1, 3, 3, 3, 1, ?, 'n', ?, 0, ?, 0, ?, ?, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)",
            (n, title, text, f"REQ{n % 500}", f"Dep{n % 25}", text, n * 1000000, n * 1000000))
        if i % per_commit == per_commit - 1 or i == rows - 1:
            db.execute("COMMIT")
    elapsed = time.perf_counter() - began
    db.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return elapsed / rows * 1e6


start = 10_000_000
results = {True: [], False: []}
for r in range(rounds):
    for with_trigger in ((True, False) if r % 2 == 0 else (False, True)):
        results[with_trigger].append(run(with_trigger, start))
        start += rows
shutil.rmtree(work)
with_index, without = statistics.median(results[True]), statistics.median(results[False])
print(f"rows per round {rows}, {per_commit} per commit, {rounds} rounds; load average {open('/proc/loadavg').read().split()[:3]}")
print(f"without the index: median {without:.1f} us per ticket ({sorted(round(x, 1) for x in results[False])})")
print(f"with the index:    median {with_index:.1f} us per ticket ({sorted(round(x, 1) for x in results[True])})")
print(f"cost of the index: {with_index - without:+.1f} us per ticket ({(with_index / without - 1) * 100:+.0f} %)")
