"""Tests of the Airflow DAG generation, run with `python3 -m unittest discover -s orchestration -p 'test_*.py'`."""

import sys
from pathlib import Path

DAGS = Path(__file__).resolve().parent.parent / "dags"
JOBS = Path(__file__).resolve().parent.parent / "jobs"
if str(DAGS) not in sys.path:
    sys.path.insert(0, str(DAGS))
