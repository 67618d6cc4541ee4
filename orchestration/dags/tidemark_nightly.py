"""Airflow DAG tidemark_nightly: the nightly run: full-day curate, compaction, then the dimension and reconciliation loads.

Generated from the job specs in orchestration/jobs/ (adding a job is adding a JSON file). Top-level code only
wires tasks: the graph comes from tidemark_dag_spec, the operators from tidemark_airflow.
"""

from tidemark_airflow import build_dag
from tidemark_dag_spec import nightly_dag, default_jobs_dir, load_job_specs

dag = build_dag(nightly_dag(load_job_specs(default_jobs_dir())))
