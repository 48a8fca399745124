"""Server time and SQL queries of Parley's pages, against the database bench/scale_data.py builds.

    .venv/bin/python bench/page_speed.py [--database parley_scale] [--runs 20] [--only SUBSTRING] [--explain]

Requests a fixed list of URLs in-process with Django's test Client (no network, no browser: what is timed is
URL routing, middleware, views, SQL and template rendering, i.e. server time). The admin's pages are requested
logged in as a superuser made for the run in that database (and deleted after it). The filter values (a prolific
speaker, a rare one, the busiest channel, a statement, an article) are looked up in the database first, and
the search words come from the word lists the data was generated from, so the list fits any scale.

Every URL is requested once to warm up (not counted; its time is shown as "first"), then --runs times,
round-robin over the list so that no URL runs with caches warmed by its own previous request. For each URL:
HTTP status, number of SQL queries (django.test.utils.CaptureQueriesContext), first, p50, p95 and max in ms,
and "SQL p50": the median time of the page's slowest SQL query; the last line gives the worst p95. URLs that answer 404 or 400 (a page not built yet) or raise are listed
as skipped with the reason. Streamed exports are timed to their first 64 KB (what a user waits for before
the download starts); --whole times them to the end instead.

--explain prints EXPLAIN (ANALYZE, BUFFERS) of every SQL query of the URLs whose p95 is over the target,
the slowest query first.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

TARGET_MS = 100
STREAM_PREFIX = 64 * 1024


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with at least `fraction` of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def url(path, **params):
    items = []
    for key, value in params.items():
        for v in value if isinstance(value, (list, tuple)) else [value]:
            items.append((key, v))
    return path + ("?" + urlencode(items) if items else "")


def pick_parameters(cursor):
    """Filter values that exist in this database: busiest and rarest speakers, busiest channel, ..."""
    found = {}
    cursor.execute(
        """
        SELECT a.slug, a.name, n FROM (
            SELECT speaker_id, count(*) AS n FROM articles_statement GROUP BY speaker_id ORDER BY n DESC LIMIT 1
        ) s JOIN articles_actor a ON a.id = s.speaker_id
        """
    )
    found["busy_speaker"], found["busy_speaker_name"], found["busy_speaker_n"] = cursor.fetchone()
    cursor.execute(
        """
        SELECT a.slug, n FROM (
            SELECT speaker_id, count(*) AS n FROM articles_statement GROUP BY speaker_id HAVING count(*) BETWEEN 2 AND 5
            ORDER BY speaker_id LIMIT 1
        ) s JOIN articles_actor a ON a.id = s.speaker_id
        """
    )
    found["rare_speaker"], found["rare_speaker_n"] = cursor.fetchone()
    cursor.execute(
        """
        SELECT c.slug, n FROM (
            SELECT channel_id, count(*) AS n FROM articles_statement WHERE channel_id IS NOT NULL
            GROUP BY channel_id ORDER BY n DESC LIMIT 1
        ) s JOIN articles_channel c ON c.id = s.channel_id
        """
    )
    found["busy_channel"], found["busy_channel_n"] = cursor.fetchone()
    # a person who speaks a lot: the actor page of a government has the same queries, but people look up people
    cursor.execute(
        """
        SELECT a.slug FROM (
            SELECT speaker_id, count(*) AS n FROM articles_statement GROUP BY speaker_id ORDER BY n DESC LIMIT 20
        ) s JOIN articles_actor a ON a.id = s.speaker_id WHERE a.kind = 'person' ORDER BY s.n DESC LIMIT 1
        """
    )
    found["busy_person"] = cursor.fetchone()[0]
    cursor.execute(
        """
        SELECT s.id, a.slug, a.id FROM articles_statement s JOIN articles_article a ON a.id = s.article_id
        JOIN articles_actor sp ON sp.id = s.speaker_id
        WHERE sp.slug = %s AND s.channel_id IS NOT NULL ORDER BY s.id LIMIT 1
        """,
        [found["busy_speaker"]],
    )
    found["statement_id"], found["article_slug"], found["article_id"] = cursor.fetchone()
    cursor.execute("SELECT outlet FROM articles_article GROUP BY outlet ORDER BY count(*) DESC LIMIT 1")
    found["outlet"] = cursor.fetchone()[0]
    cursor.execute("SELECT date_trunc('month', max(said_on))::date - 365 FROM articles_statement")
    month = cursor.fetchone()[0]
    found["said_from"] = month.isoformat()
    found["said_to"] = month.replace(day=28).isoformat()
    return found


def url_list(p):
    from scale_data import TOPICS

    common = TOPICS[0].split()[-1]  # "ceasefire": in about a fifth of the statements
    rare = TOPICS[-1].split()[-1]  # "festival": in a few hundred
    phrase = '"' + TOPICS[3].removeprefix("a ").removeprefix("the ") + '"'  # "prisoner exchange"
    either = f"{TOPICS[1].split()[-1]} OR {TOPICS[14].split()[-1]}"  # sanctions OR reparations
    exclude = f"talks -{common}"
    from articles import querying

    # the last page there is: results stop at the result cap
    last_page = max(1, querying.RESULT_CAP // querying.PAGE_SIZE)
    busy, rare_sp = p["busy_speaker"], p["rare_speaker"]
    window = {"said_from": p["said_from"], "said_to": p["said_to"]}
    return [
        ("home", url("/")),
        ("q common word", url("/", q=common)),
        ("q rare word", url("/", q=rare)),
        ("q phrase", url("/", q=phrase)),
        ("q OR", url("/", q=either)),
        ("q -word", url("/", q=exclude)),
        ("speaker busy", url("/", speaker=busy)),
        ("speaker rare", url("/", speaker=rare_sp)),
        ("country", url("/", country="RU")),
        ("channel", url("/", channel=p["busy_channel"])),
        ("stance", url("/", stance="denies_contact")),
        ("kind", url("/", kind="direct")),
        ("said from/to (1 month)", url("/", **window)),
        ("outlet", url("/", outlet=p["outlet"])),
        ("speaker busy + stance", url("/", speaker=busy, stance="denies_contact")),
        ("country + channel + said", url("/", country="UA", channel=p["busy_channel"], **window)),
        ("q common + country + stance", url("/", q=common, country="UA", stance="sets_conditions")),
        ("q rare + speaker busy", url("/", q=rare, speaker=busy)),
        ("q common + said + outlet", url("/", q=common, outlet=p["outlet"], **window)),
        ("two speakers + kind", url("/", speaker=[busy, p["busy_person"]], kind="indirect")),
        ("sort=oldest", url("/", sort="oldest")),
        ("q common sort=newest", url("/", q=common, sort="newest")),
        (f"deep page ({last_page})", url("/", page=last_page)),
        (f"deep page q common ({last_page // 2})", url("/", q=common, page=last_page // 2)),
        ("export json speaker busy", url("/statements.json", speaker=busy)),
        ("export csv q common", url("/statements.csv", q=common)),
        ("statement detail", url(f"/statements/{p['statement_id']}/")),
        ("actor detail (busiest)", url(f"/actors/{busy}/")),
        ("actor detail (busy person)", url(f"/actors/{p['busy_person']}/")),
        ("actor detail (rare)", url(f"/actors/{rare_sp}/")),
        ("article detail", url(f"/articles/{p['article_slug']}/")),
        ("channel detail", url(f"/channels/{p['busy_channel']}/")),
        ("actors list", url("/actors/")),
        ("actors list q", url("/actors/", q="ivan")),
        ("articles list", url("/articles/")),
        ("articles list q", url("/articles/", q=common)),
        ("channels list", url("/channels/")),
        # the editors' pages (DESIGN: "find anything quickly even with millions of rows"), logged in
        ("admin statements", url("/admin/articles/statement/")),
        ("admin statements q common", url("/admin/articles/statement/", q=common)),
        ("admin statements q phrase", url("/admin/articles/statement/", q=phrase)),
        ("admin statements stance", url("/admin/articles/statement/", stance__exact="denies_contact")),
        ("admin statement", url(f"/admin/articles/statement/{p['statement_id']}/change/")),
        ("admin articles", url("/admin/articles/article/")),
        ("admin articles q common", url("/admin/articles/article/", q=common)),
        ("admin article", url(f"/admin/articles/article/{p['article_id']}/change/")),
        ("admin actors q", url("/admin/articles/actor/", q="ivan")),
        ("admin speaker autocomplete", url("/admin/autocomplete/", app_label="articles", model_name="statement",
                                           field_name="speaker", term="iva")),
    ]


def fetch(client, path, whole):
    """One request; returns (status, ms, queries, sql list). Streams are read to 64 KB (or whole)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(path)
        if response.streaming:
            received = 0
            for chunk in response.streaming_content:
                received += len(chunk)
                if not whole and received >= STREAM_PREFIX:
                    break
        else:
            response.content  # noqa: B018 -- rendered already; here for symmetry
        elapsed = (time.perf_counter() - start) * 1000
        response.close()
    sql = [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries]
    return response.status_code, elapsed, len(sql), sql


def explain(sql_list):
    from django.db import connection

    rows = []
    with connection.cursor() as cursor:
        for _, sql in sql_list:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(r[0] for r in cursor.fetchall())
            total = float(plan.rsplit("Execution Time: ", 1)[1].split()[0])
            rows.append((total, sql, plan))
    return sorted(rows, reverse=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="parley_scale")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", help="only the URLs whose label or path contains this")
    parser.add_argument("--whole", action="store_true", help="time streamed exports to their end, not 64 KB")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the queries of the slow URLs")
    parser.add_argument("--queries", action="store_true", help="each page's SQL queries with their median ms")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    # the test Client's host; not setup_test_environment(), whose template instrumentation copies every
    # template context for the test assertions and would add its own time to every page
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    connection.close()
    connection.settings_dict["NAME"] = args.database
    with connection.cursor() as cursor:
        cursor.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                       [args.database])
        built = (cursor.fetchone() or [""])[0] or "not built by bench/scale_data.py"
        cursor.execute("SELECT (SELECT count(*) FROM articles_article), (SELECT count(*) FROM articles_statement),"
                       " (SELECT count(*) FROM articles_actor), version()")
        n_articles, n_statements, n_actors, version = cursor.fetchone()
        start = time.perf_counter()
        params = pick_parameters(cursor)
    import subprocess

    revision = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                              text=True).stdout.strip()
    print(f"code {revision or 'unknown'} at {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        names = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _ in pending)
        print(f"WARNING: {args.database} lacks migrations {names}: rebuild it with bench/scale_data.py --rebuild")
    print(f"database {args.database}: {n_articles} articles, {n_statements} statements, {n_actors} actors "
          f"({built}); {version.split(' on ')[0]}")
    print(f"parameters ({time.perf_counter() - start:.1f} s to find): busiest speaker {params['busy_speaker']} "
          f"({params['busy_speaker_n']} statements), rare {params['rare_speaker']} ({params['rare_speaker_n']}), "
          f"busiest channel {params['busy_channel']} ({params['busy_channel_n']}), outlet {params['outlet']}")

    urls = url_list(params)
    if args.only:
        urls = [(label, path) for label, path in urls if args.only in label or args.only in path]
    from django.contrib.auth import get_user_model

    client = Client()
    # the admin pages need a login: a user made for the run, in the benchmark's database, deleted after it
    editor, _ = get_user_model().objects.get_or_create(
        username="page-speed-bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client.force_login(editor)
    try:
        measure(args, client, urls)
    finally:
        editor.delete()


def measure(args, client, urls):
    live, skipped, first = [], [], {}
    for label, path in urls:
        try:
            status, ms, n_queries, _ = fetch(client, path, args.whole)
        except Exception as error:  # a view that raises: report it, measure the others
            skipped.append((label, path, f"raises {type(error).__name__}: {str(error)[:120]}"))
            continue
        if status in (400, 404) or status >= 500:
            skipped.append((label, path, f"answers {status}"))
            continue
        live.append((label, path))
        first[path] = ms

    times = {path: [] for _, path in live}
    queries = {path: set() for _, path in live}
    statuses = {path: set() for _, path in live}
    sqls, slowest_sql = {}, {path: [] for _, path in live}
    query_ms = {path: {} for _, path in live}
    for _ in range(args.runs):
        for _, path in live:
            status, ms, n_queries, sql = fetch(client, path, args.whole)
            times[path].append(ms)
            queries[path].add(n_queries)
            statuses[path].add(status)
            sqls[path] = sql
            slowest_sql[path].append(max((ms for ms, _ in sql), default=0.0))
            for i, (ms_q, _) in enumerate(sql):
                query_ms[path].setdefault(i, []).append(ms_q)

    stream_note = "whole" if args.whole else "first 64 KB"
    print(f"\n{args.runs} runs per URL after one warm-up; ms of server time (exports: {stream_note})\n")
    print(f"| {'page':<28} | {'status':>6} | {'queries':>7} | {'first':>7} | {'p50':>7} | {'p95':>7} | {'max':>7} | {'SQL p50':>7} |"
          f" url")
    print(f"|{'-' * 30}|{'-' * 8}:|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|-----")
    worst = (0, "")
    slow = []
    for label, path in live:
        values = times[path]
        p50, p95, top = statistics.median(values), percentile(values, 0.95), max(values)
        n_q = "/".join(str(n) for n in sorted(queries[path]))
        status = "/".join(str(s) for s in sorted(statuses[path]))
        flag = " SLOW" if p95 > TARGET_MS else ""
        print(f"| {label:<28} | {status:>6} | {n_q:>7} | {first[path]:7.1f} | {p50:7.1f} | {p95:7.1f} | {top:7.1f} |"
              f" {statistics.median(slowest_sql[path]):7.1f} | `{path}`{flag}")
        if p95 > worst[0]:
            worst = (p95, label)
        if p95 > TARGET_MS:
            slow.append((label, path))
    for label, path, reason in skipped:
        print(f"| {label:<28} | skipped: {reason} | `{path}`")
    if live:
        print(f"\nworst p95: {worst[0]:.1f} ms ({worst[1]}); target {TARGET_MS} ms; "
              f"{len(slow)} of {len(live)} pages over it")

    if args.queries:
        for label, path in live:
            total = statistics.median(times[path])
            in_sql = sum(statistics.median(v) for v in query_ms[path].values())
            print(f"\n{label}: {path}  page p50 {total:.0f} ms, of which SQL {in_sql:.0f} ms")
            for i, (_, sql) in enumerate(sqls[path]):
                text = " ".join(sql.split())
                print(f"  {statistics.median(query_ms[path].get(i, [0])):7.1f} ms  {text[:110]} … {text[-90:]}")

    if args.explain:
        for label, path in slow:
            print(f"\n===== {label}: {path}")
            for total, sql, plan in explain(sqls[path])[:3]:
                print(f"--- {total:.1f} ms\n{sql}\n{plan}\n")


if __name__ == "__main__":
    main()
