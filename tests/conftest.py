from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def run_command(*args, **kwargs):
    """Run a management command; returns (stdout, stderr) as text."""
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def seeds(db):
    """The two seed articles, imported through the real pipeline."""
    run_command("import_articles", str(FIXTURES), "--no-progress")
