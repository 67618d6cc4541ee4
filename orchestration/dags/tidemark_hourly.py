"""Airflow DAG tidemark_hourly: the hourly (intra-day) run: curate each job's arrival hour, skip the loads when nothing is new, load the warehouse models.

Generated from the job specs in orchestration/jobs/ (adding a job is adding a JSON file). Top-level code only
wires tasks: the graph comes from tidemark_dag_spec, the operators from tidemark_airflow.
"""

from tidemark_airflow import build_dag
from tidemark_dag_spec import hourly_dag, default_jobs_dir, load_job_specs

dag = build_dag(hourly_dag(load_job_specs(default_jobs_dir())))
