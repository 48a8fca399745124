"""Import speed, extraction included, into a scratch database; and the engine alone.

    .venv/bin/python bench/import_speed.py [--docs ../shared/bench/polnear-train.jsonl] [--limit N] [--copies K]
                                           [--workers N] [--into parley_scale]

Writes the documents' texts as article files (front matter + body) into a temporary folder, then imports
them the way `manage.py import_articles` does, into a fresh database made for the run
(`parley_bench_import` on the configured server, dropped afterwards), or with --into into a copy of a full
one (bench/scale_data.py builds parley_scale). Prints articles/s, words/s, statements, the CPU time per
article of this process, the engine processes and the database server, and the process's memory at each
quarter of the run: it must not grow with the number of files. With --copies K each text is written K times
with a distinguishing title, to import more files than the corpus has.
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(who=resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def process_cpu_seconds(pid: int) -> float | None:
    """CPU time of another process on this machine (the database server's backend), None if not readable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def write_articles(docs_path: Path, folder: Path, limit: int, copies: int) -> int:
    n = 0
    with open(docs_path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            doc = json.loads(line)
            title = (doc.get("title") or doc["doc_id"]).replace("\n", " ").strip()
            text = doc["text"]
            for copy in range(copies):
                suffix = f" ({copy + 1})" if copies > 1 else ""
                (folder / f"{i:05d}-{copy}.txt").write_text(
                    f"---\ntitle: {json.dumps(title + suffix)}\noutlet: Bench\n---\n{text}\n", encoding="utf-8"
                )
                n += 1
    return n


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default=str(ROOT.parent / "shared" / "bench" / "polnear-train.jsonl"))
    parser.add_argument("--limit", type=int, default=840)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--into", metavar="DATABASE",
                        help="import into a copy of this database (e.g. parley_scale from bench/scale_data.py) "
                             "instead of an empty one")
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4),
                        help="engine processes, as import_articles --workers")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from articles.extraction import extract
    from articles.ingest import Importer, ImportSummary, import_sources
    from articles.parsing import ParseError, read_sources

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = write_articles(Path(args.docs), folder, args.limit, args.copies)
        parsed = [p for _, p in read_sources([str(folder)]) if not isinstance(p, ParseError)]
        words = sum(len(p.body.split()) for p in parsed)
        print(f"{total} article files, {words / max(len(parsed), 1):.0f} words per article on average")

        start = time.perf_counter()
        n_statements = sum(len(extract(p.body)) for p in parsed)
        engine_s = time.perf_counter() - start
        print(f"engine alone: {len(parsed) / engine_s:.0f} articles/s, {words / engine_s:.0f} words/s, "
              f"{n_statements} statements")
        del parsed

        old_name = connection.settings_dict["NAME"]
        scratch = "parley_bench_import"  # a name of its own, so that a test run on the same server is left alone
        if args.into:
            with connection._nodb_cursor() as cursor:  # as Django's test databases are made
                cursor.execute(f"DROP DATABASE IF EXISTS {scratch}")
                cursor.execute(f'CREATE DATABASE {scratch} TEMPLATE "{args.into}"')
            connection.close()
            connection.settings_dict["NAME"] = scratch
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM articles_article")
                print(f"importing into a copy of {args.into}, which holds {cursor.fetchone()[0]} articles")
        else:
            connection.settings_dict["TEST"]["NAME"] = scratch
            connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            summary, importer = ImportSummary(), Importer()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backend = cursor.fetchone()[0]
            cpu_before = cpu_seconds(), cpu_seconds(resource.RUSAGE_CHILDREN), process_cpu_seconds(backend)
            checkpoints = {total // 4, total // 2, 3 * total // 4, total}
            start = time.perf_counter()
            results = import_sources(read_sources([str(folder)]), importer, workers=args.workers)
            for i, (name, result) in enumerate(results, 1):
                if isinstance(result, Exception):
                    summary.fail(name, str(result))
                else:
                    summary.add(result)
                if i in checkpoints:
                    print(f"  after {i:6d} files: {i / (time.perf_counter() - start):6.0f} articles/s, "
                          f"memory {rss_mib():.0f} MiB")
            elapsed = time.perf_counter() - start
            main_s, workers_s = cpu_seconds() - cpu_before[0], cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before[1]
            backend_s = process_cpu_seconds(backend)
            print(f"import with extraction and database writes, {args.workers} engine processes: "
                  f"{total / elapsed:.0f} articles/s "
                  f"({elapsed:.1f} s); {summary.line()}")
            # where the time goes: on 2 cores, articles/s can be at most 2000 / (sum of these)
            database = f"{(backend_s - cpu_before[2]) * 1000 / total:.1f} ms" if backend_s is not None else "unknown"
            print(f"CPU per article: this process {main_s * 1000 / total:.1f} ms, "
                  f"engine processes {workers_s * 1000 / total:.1f} ms, database server {database} "
                  f"(load average {os.getloadavg()[0]:.1f})")
        finally:
            if args.into:
                connection.close()
                connection.settings_dict["NAME"] = old_name
                with connection._nodb_cursor() as cursor:
                    cursor.execute(f"DROP DATABASE {scratch}")
            else:
                connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
