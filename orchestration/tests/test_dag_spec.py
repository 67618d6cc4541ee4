"""The graph logic of tidemark_dag_spec on the real job specs and on specs written by the tests."""

import json
import shutil
import tempfile
import unittest
from pathlib import Path

from tests import JOBS
import tidemark_dag_spec as ds


def write_spec(folder: Path, job: str, models=(), schedule=None, layout=None, datasets=()) -> None:
    doc = {"job": job, "landingPrefix": job + "/", "source": {"family": "cloudwatch_logs"}, "datasets": list(datasets),
           "warehouseModels": list(models)}
    if layout:
        doc["landingLayout"] = layout
    if schedule is not None:
        doc["schedule"] = schedule
    (folder / f"{job}.json").write_text(json.dumps(doc), encoding="utf-8")


class TempJobsDir(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="tidemark-jobs-"))
        self.addCleanup(shutil.rmtree, self.dir)


class RealSpecsTest(unittest.TestCase):
    def setUp(self):
        self.specs = ds.load_job_specs(JOBS)

    def test_every_spec_produces_a_valid_acyclic_graph_in_every_dag(self):
        self.assertGreaterEqual(len(self.specs), 9)
        for build in (ds.hourly_dag, ds.nightly_dag, ds.backfill_dag):
            dag = build(self.specs)
            ds.validate_dag(dag)
            order = ds.topological_order(dag)
            self.assertEqual(len(order), len(dag.tasks))
            for task in dag.tasks:
                for up in task.upstream:
                    self.assertLess(order.index(up), order.index(task.task_id), f"{dag.dag_id}: {task.task_id}")

    def test_every_job_has_a_backfill_task_and_each_nightly_job_compacts(self):
        backfill = ds.backfill_dag(self.specs)
        nightly = ds.nightly_dag(self.specs)
        for spec in self.specs:
            command = backfill.task(f"{spec.job}__backfill").bash_command
            self.assertIn(f"tidemark backfill {spec.job} --from {{{{ params.from_date }}}}", command)
            self.assertIn("--to {{ params.to_date }} --parallel {{ params.parallel }}", command)
            if spec.schedule.nightly:
                self.assertEqual(nightly.task(f"{spec.job}__compact").upstream, (f"{spec.job}__curate_day",))
                gc = nightly.task(f"{spec.job}__gc")
                self.assertEqual(gc.upstream, (f"{spec.job}__compact",))
                self.assertIn(f"tidemark gc {spec.job}", gc.bash_command)
        self.assertIsNone(backfill.schedule)
        self.assertEqual(set(backfill.params), {"from_date", "to_date", "parallel"})

    def test_hourly_cwlogs_curates_the_interval_hour_then_short_circuits_then_loads(self):
        dag = ds.hourly_dag(self.specs)
        curate = dag.task("cwlogs__curate")
        self.assertEqual(curate.kind, "bash")
        self.assertEqual(curate.bash_command,
                         "${TIDEMARK_HOME:-/opt/tidemark}/tidemark run cwlogs --date {{ data_interval_start | ds }} "
                         "--hour {{ data_interval_start.strftime('%H') }} --skip-load")
        gate = dag.task("cwlogs__has_new_rows")
        self.assertEqual((gate.kind, gate.upstream, gate.xcom_task_id),
                         ("short_circuit", ("cwlogs__curate",), "cwlogs__curate"))
        load = dag.task("cwlogs__load__flow_hourly")
        self.assertEqual(load.upstream, ("cwlogs__has_new_rows",))
        self.assertIn("load flow_hourly --date {{ data_interval_start | ds }}", load.bash_command)

    def test_the_daily_users_snapshot_is_not_hourly_but_nightly(self):
        hourly = {t.task_id for t in ds.hourly_dag(self.specs).tasks}
        nightly = {t.task_id for t in ds.nightly_dag(self.specs).tasks}
        self.assertNotIn("users__curate", hourly)
        self.assertIn("users__compact", nightly)

    def test_every_templated_window_comes_from_the_data_interval(self):
        for build in (ds.hourly_dag, ds.nightly_dag):
            for task in build(self.specs).tasks:
                text = json.dumps([task.bash_command, task.glue_script_args, task.emr_steps])
                for forbidden in ("{{ ds }}", "execution_date", "next_ds", "now()", "{{ ts }}"):
                    self.assertNotIn(forbidden, text, task.task_id)
                if task.kind == "bash" and not task.task_id.endswith("__gc"):  # gc takes no window
                    self.assertIn("--date {{ data_interval_start | ds }}", task.bash_command)


class ScheduleFromSpecTest(TempJobsDir):
    def test_retries_retry_delay_and_sla_come_from_the_spec(self):
        write_spec(self.dir, "alpha", ["flow_hourly"], {"retries": 4, "retryDelayMinutes": 9,
                                                          "hourlySlaMinutes": 30, "nightlySlaMinutes": 120})
        specs = ds.load_job_specs(self.dir)
        for task in ds.hourly_dag(specs).tasks:
            if task.kind != "short_circuit":
                self.assertEqual((task.retries, task.retry_delay_minutes, task.sla_minutes), (4, 9, 30), task.task_id)
        for task in ds.nightly_dag(specs).tasks:
            self.assertEqual((task.retries, task.sla_minutes), (4, 120), task.task_id)

    def test_defaults_keep_a_spec_without_schedule_valid(self):
        write_spec(self.dir, "beta")
        schedule = ds.load_job_specs(self.dir)[0].schedule
        self.assertEqual((schedule.hourly, schedule.nightly, schedule.retries, schedule.hourly_sla_minutes,
                          schedule.executor.kind), (True, True, 2, 50, "bash"))

    def test_unknown_and_bad_schedule_keys_are_rejected_with_the_key_named(self):
        cases = {"retires": 3}, {"executor": {"kind": "lambda"}}, {"retries": -1}, {"executor": {"kind": "emr"}}, \
            {"executor": {"kind": "glue", "jobName": "x"}}, {"hourly": "yes"}, \
            {"executor": {"kind": "bash", "clusterId": "j-1"}}, {"executor": {"kind": "glue", "glueJobName": "t", "jar": "x"}}
        expected = ["schedule.retires", "lambda", "retries", "clusterId", "schedule.executor.jobName", "hourly",
                    "'schedule.executor.clusterId' is not used by kind 'bash'", "'schedule.executor.jar'"]
        for case, key in zip(cases, expected):
            write_spec(self.dir, "gamma", schedule=case)
            with self.assertRaises(ds.SpecError, msg=str(case)) as raised:
                ds.load_job_specs(self.dir)
            self.assertIn(key, str(raised.exception))

    def test_a_spec_whose_job_differs_from_its_file_name_is_rejected(self):
        write_spec(self.dir, "delta")
        (self.dir / "delta.json").rename(self.dir / "other.json")
        with self.assertRaisesRegex(ds.SpecError, "expected the file name 'other'"):
            ds.load_job_specs(self.dir)

    def test_adding_a_json_file_adds_its_tasks_to_every_dag(self):
        write_spec(self.dir, "first", ["flow_hourly"])
        before = {build.__name__: {t.task_id for t in build(ds.load_job_specs(self.dir)).tasks}
                  for build in (ds.hourly_dag, ds.nightly_dag, ds.backfill_dag)}
        write_spec(self.dir, "second", ["flow_hourly"])
        after = {build.__name__: {t.task_id for t in build(ds.load_job_specs(self.dir)).tasks}
                 for build in (ds.hourly_dag, ds.nightly_dag, ds.backfill_dag)}
        self.assertEqual(after["hourly_dag"] - before["hourly_dag"],
                         {"second__curate", "second__has_new_rows", "second__load__flow_hourly"})
        self.assertEqual(after["nightly_dag"] - before["nightly_dag"],
                         {"second__curate_day", "second__compact", "second__gc", "second__load__flow_hourly"})
        self.assertEqual(after["backfill_dag"] - before["backfill_dag"], {"second__backfill"})


class ExecutorKindsTest(TempJobsDir):
    def test_emr_adds_a_cluster_mode_step_and_watches_it(self):
        write_spec(self.dir, "onemr", ["flow_hourly"], {"executor": {
            "kind": "emr", "clusterId": "{{ var.value.tidemark_emr_cluster }}", "jar": "s3://b/t.jar",
            "config": "/home/hadoop/tidemark.json", "awsConnId": "aws_emr"}})
        dag = ds.hourly_dag(ds.load_job_specs(self.dir))
        ds.validate_dag(dag)
        add = dag.task("onemr__curate__add_step")
        watch = dag.task("onemr__curate")
        self.assertEqual((add.kind, watch.kind), ("emr_add_steps", "emr_step_sensor"))
        self.assertEqual(watch.upstream, (add.task_id,))
        self.assertEqual(watch.xcom_task_id, add.task_id)
        self.assertEqual(add.aws_conn_id, "aws_emr")
        step = add.emr_steps[0]
        self.assertEqual(step["HadoopJarStep"]["Jar"], "command-runner.jar")
        self.assertEqual(step["HadoopJarStep"]["Args"],
                         ["spark-submit", "--deploy-mode", "cluster", "--class", "io.tidemark.cli.TidemarkCli",
                          "s3://b/t.jar", "run", "onemr", "--date", ds.DATE, "--hour", ds.HOUR, "--skip-load",
                          "--config", "/home/hadoop/tidemark.json"])
        # no result line comes back from a step: the loads follow the step directly (they are idempotent)
        self.assertEqual(dag.task("onemr__load__flow_hourly__add_step").upstream, ("onemr__curate",))

    def test_glue_runs_the_job_with_glue_style_parameters(self):
        write_spec(self.dir, "onglue", ["flow_hourly"], {"executor": {"kind": "glue", "glueJobName": "tidemark"}})
        specs = ds.load_job_specs(self.dir)
        curate = ds.hourly_dag(specs).task("onglue__curate")
        self.assertEqual(curate.kind, "glue_job")
        self.assertEqual(curate.glue_job_name, "tidemark")
        self.assertEqual(curate.glue_script_args, {"--verb": "run", "--job": "onglue", "--date": ds.DATE,
                                                   "--hour": ds.HOUR, "--skip-load": "true"})
        load = ds.nightly_dag(specs).task("onglue__load__flow_hourly")
        self.assertEqual(load.glue_script_args, {"--verb": "load", "--model": "flow_hourly", "--date": ds.DATE})

    def test_spark_submit_runs_in_client_mode_so_the_result_line_reaches_xcom(self):
        write_spec(self.dir, "onspark", ["flow_hourly"], {"executor": {"kind": "spark_submit"}})
        dag = ds.hourly_dag(ds.load_job_specs(self.dir))
        self.assertTrue(dag.task("onspark__curate").bash_command.startswith(
            "spark-submit --deploy-mode client --class io.tidemark.cli.TidemarkCli " + ds.DEFAULT_JAR + " run onspark"))
        self.assertEqual(dag.task("onspark__has_new_rows").kind, "short_circuit")


class TablePoolsTest(TempJobsDir):
    def test_jobs_writing_vpc_flow_logs_share_one_pool_in_every_dag(self):
        specs = ds.load_job_specs(JOBS)
        pools = ds.table_pools(specs)
        self.assertEqual(pools["cwlogs"], pools["flowlines"])
        self.assertEqual(pools["aurora_sales"], pools["dms_sales"])
        self.assertNotEqual(pools["cwlogs"], pools["ses"])
        writers = {"cwlogs__curate", "flowlines__curate", "cwlogs__curate_day", "flowlines__curate_day",
                   "cwlogs__compact", "cwlogs__gc", "cwlogs__backfill", "flowlines__backfill"}
        for build in (ds.hourly_dag, ds.nightly_dag, ds.backfill_dag):
            for task in build(specs).tasks:
                if task.task_id in writers:
                    self.assertEqual(task.pool, "tidemark_app_logs__vpc_flow_logs", task.task_id)
                if "__load__" in task.task_id or task.kind == "short_circuit":
                    self.assertIsNone(task.pool, task.task_id)  # reads only: outside the pool

    def test_a_shared_dataset_joins_groups_transitively_and_every_pool_gets_a_setup_command(self):
        write_spec(self.dir, "a", datasets=["x"])
        write_spec(self.dir, "b", datasets=["x", "y"])
        write_spec(self.dir, "c", datasets=["y"])
        write_spec(self.dir, "d", datasets=["z"], schedule={"executor": {"kind": "emr", "clusterId": "j-1"}})
        specs = ds.load_job_specs(self.dir)
        self.assertEqual(ds.table_pools(specs), {"a": "tidemark_x__y", "b": "tidemark_x__y", "c": "tidemark_x__y",
                                                 "d": "tidemark_z"})
        self.assertEqual(ds.pool_commands(specs), ["airflow pools set tidemark_x__y 1 'Tidemark jobs a, b, c: one at a time'",
                                                   "airflow pools set tidemark_z 1 'Tidemark jobs d: one at a time'"])
        hourly = ds.hourly_dag(specs)
        # on EMR both the step submission and its sensor hold the slot, so the next job's step waits for the first
        self.assertEqual((hourly.task("d__curate__add_step").pool, hourly.task("d__curate").pool), ("tidemark_z",) * 2)


class GraphChecksTest(unittest.TestCase):
    def test_a_cycle_and_an_unknown_upstream_are_rejected(self):
        cycle = ds.DagSpec("d", "", None, (ds.Task("a", "bash", ("b",)), ds.Task("b", "bash", ("a",))))
        with self.assertRaisesRegex(ds.SpecError, "cycle"):
            ds.validate_dag(cycle)
        dangling = ds.DagSpec("d", "", None, (ds.Task("a", "bash", ("zzz",)),))
        with self.assertRaisesRegex(ds.SpecError, "unknown"):
            ds.validate_dag(dangling)


class ShortCircuitTest(unittest.TestCase):
    LOGS = "tidemark: cwlogs 2026-11-24T10: SUCCEEDED\n"

    def line(self, **fields):
        result = {"status": "SUCCEEDED", "job": "cwlogs", "rows_out": 5, "error": None}
        result.update(fields)
        return self.LOGS + json.dumps(result) + "\n"

    def test_new_rows_run_the_loads(self):
        self.assertTrue(ds.has_new_rows(self.line(rows_out=12)))

    def test_skipped_or_empty_runs_skip_the_loads(self):
        self.assertFalse(ds.has_new_rows(self.line(status="SKIPPED", rows_out=0)))
        self.assertFalse(ds.has_new_rows(self.line(rows_out=0)))

    def test_a_failed_run_or_a_missing_result_line_raises(self):
        with self.assertRaisesRegex(ValueError, "failed"):
            ds.has_new_rows(self.line(status="FAILED", error={"code": "INTERNAL", "message": "boom"}))
        with self.assertRaisesRegex(ValueError, "printed nothing"):
            ds.has_new_rows(None)
        with self.assertRaisesRegex(ValueError, "not JSON"):
            ds.has_new_rows("all good\n")

    def test_the_callable_reads_the_curate_tasks_xcom(self):
        class TaskInstance:
            def __init__(self, value):
                self.value, self.asked = value, None

            def xcom_pull(self, task_ids):
                self.asked = task_ids
                return self.value

        ti = TaskInstance(json.dumps({"status": "SUCCEEDED", "rows_out": 3}))
        self.assertTrue(ds.has_new_rows_from_xcom("cwlogs__curate", ti=ti, ds="ignored"))
        self.assertEqual(ti.asked, "cwlogs__curate")


if __name__ == "__main__":
    unittest.main()
