"""The DAG files themselves: top-level code only wires tasks (AST scan), and the wiring into Airflow operators,
exercised against small stand-ins for Airflow's modules (Airflow itself is not installed here)."""

import ast
import importlib.util
import sys
import types
import unittest
from datetime import timedelta

from tests import DAGS

DAG_FILES = sorted(DAGS.glob("tidemark_*.py"))
FORBIDDEN_CALLS = {"now", "utcnow", "today"}


def top_level_calls(tree: ast.Module):
    """Calls in module-level code, not inside function or class bodies (which run at task time)."""
    def walk(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(child, ast.Call):
                yield child
            yield from walk(child)
    yield from walk(tree)


def dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + "." + node.attr
    if isinstance(node, ast.Call):
        return dotted(node.func) + "()"
    return "?"


class TopLevelCodeTest(unittest.TestCase):
    def test_the_dag_folder_has_the_three_dags_and_their_helpers(self):
        self.assertEqual([p.name for p in DAG_FILES],
                         ["tidemark_airflow.py", "tidemark_backfill.py", "tidemark_dag_spec.py",
                          "tidemark_definitions.py", "tidemark_hourly.py", "tidemark_nightly.py"])
        ignored = (DAGS / ".airflowignore").read_text(encoding="utf-8")
        for helper in ("tidemark_airflow", "tidemark_dag_spec", "tidemark_definitions"):
            self.assertIn(helper + "\\.py", ignored)

    def test_no_clock_and_no_variable_get_at_top_level(self):
        for path in DAG_FILES:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for call in top_level_calls(tree):
                name = dotted(call.func)
                self.assertNotIn(name.split(".")[-1], FORBIDDEN_CALLS, f"{path.name}:{call.lineno} calls {name}")
                self.assertNotIn("Variable", name, f"{path.name}:{call.lineno}")

    def test_airflow_is_imported_only_inside_functions(self):
        for path in DAG_FILES:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                else:
                    continue
                for name in names:
                    self.assertFalse(name.split(".")[0] in ("airflow", "pendulum"), f"{path.name} imports {name}")

    def test_the_scan_catches_a_clock_call(self):
        bad = ast.parse("import datetime\nwhen = datetime.datetime.now()\ndef f():\n    return datetime.datetime.now()\n")
        self.assertEqual([dotted(c.func) for c in top_level_calls(bad)], ["datetime.datetime.now"])

    def test_dag_files_carry_the_words_airflow_safe_mode_looks_for(self):
        for name in ("tidemark_hourly.py", "tidemark_nightly.py", "tidemark_backfill.py"):
            text = (DAGS / name).read_text(encoding="utf-8").lower()
            self.assertIn("airflow", text)
            self.assertIn("dag", text)


class Recorded:
    """Stands in for an Airflow operator: keeps its arguments and its downstream tasks."""

    def __init__(self, **kwargs):
        self.kwargs = kwargs
        self.task_id = kwargs["task_id"]
        self.downstream = []
        kwargs["dag"].tasks.append(self)

    def __rshift__(self, other):
        self.downstream.append(other.task_id)
        return other


class FakeDag:
    def __init__(self, **kwargs):
        self.kwargs = kwargs
        self.tasks = []


def install_fake_airflow():
    modules = {}

    def module(name, **attrs):
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        modules[name] = m
        return m

    kinds = {}
    for path, cls in [("airflow.operators.bash", "BashOperator"), ("airflow.operators.python", "ShortCircuitOperator"),
                      ("airflow.providers.amazon.aws.operators.emr", "EmrAddStepsOperator"),
                      ("airflow.providers.amazon.aws.sensors.emr", "EmrStepSensor"),
                      ("airflow.providers.amazon.aws.operators.glue", "GlueJobOperator")]:
        kinds[cls] = type(cls, (Recorded,), {})
        module(path, **{cls: kinds[cls]})
    module("airflow", DAG=FakeDag)
    module("airflow.models.param", Param=lambda **p: ("Param", p))
    module("pendulum", datetime=lambda *a, **k: ("pendulum", a, k))
    for name in ("airflow.models", "airflow.operators", "airflow.providers", "airflow.providers.amazon",
                 "airflow.providers.amazon.aws", "airflow.providers.amazon.aws.operators",
                 "airflow.providers.amazon.aws.sensors"):
        module(name)
    return modules


class WiringTest(unittest.TestCase):
    def setUp(self):
        saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] in ("airflow", "pendulum")}
        sys.modules.update(install_fake_airflow())

        def restore():
            for k in [k for k in sys.modules if k.split(".")[0] in ("airflow", "pendulum")]:
                del sys.modules[k]
            sys.modules.update(saved)
        self.addCleanup(restore)

    def load(self, name):
        spec = importlib.util.spec_from_file_location(name.replace(".py", "_under_test"), DAGS / name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.dag

    def test_hourly_wires_bash_with_xcom_a_short_circuit_and_the_loads(self):
        dag = self.load("tidemark_hourly.py")
        self.assertEqual(dag.kwargs["dag_id"], "tidemark_hourly")
        self.assertEqual(dag.kwargs["schedule"], "@hourly")
        self.assertFalse(dag.kwargs["catchup"])
        tasks = {t.task_id: t for t in dag.tasks}
        curate = tasks["cwlogs__curate"]
        self.assertEqual(type(curate).__name__, "BashOperator")
        self.assertTrue(curate.kwargs["do_xcom_push"])
        self.assertEqual(curate.kwargs["retries"], 2)
        self.assertEqual(curate.kwargs["sla"], timedelta(minutes=50))
        self.assertEqual(curate.kwargs["pool"], "tidemark_app_logs__vpc_flow_logs")
        self.assertEqual(curate.downstream, ["cwlogs__has_new_rows"])
        gate = tasks["cwlogs__has_new_rows"]
        self.assertEqual(type(gate).__name__, "ShortCircuitOperator")
        self.assertEqual(gate.kwargs["op_kwargs"], {"task_id": "cwlogs__curate"})
        self.assertEqual(gate.downstream, ["cwlogs__load__flow_hourly"])

    def test_nightly_and_backfill_build_with_params(self):
        nightly = self.load("tidemark_nightly.py")
        self.assertEqual(nightly.kwargs["schedule"], "@daily")
        tasks = {t.task_id: t for t in nightly.tasks}
        self.assertEqual(tasks["cwlogs__curate_day"].downstream, ["cwlogs__compact"])
        self.assertEqual(sorted(tasks["cwlogs__compact"].downstream), ["cwlogs__gc", "cwlogs__load__flow_hourly"])
        backfill = self.load("tidemark_backfill.py")
        self.assertIsNone(backfill.kwargs["schedule"])
        self.assertEqual(set(backfill.kwargs["params"]), {"from_date", "to_date", "parallel"})

    def test_emr_and_glue_specs_become_emr_and_glue_operators(self):
        import tidemark_airflow
        import tidemark_dag_spec as ds
        emr = ds.Executor(kind="emr", jar="s3://b/t.jar", cluster_id="j-1")
        glue = ds.Executor(kind="glue", glue_job_name="tidemark")
        specs = [ds.JobSpec("a", "", ("flow_hourly",), ds.Schedule(hourly=True, executor=emr), "a.json"),
                 ds.JobSpec("b", "", (), ds.Schedule(hourly=True, executor=glue), "b.json")]
        dag = tidemark_airflow.build_dag(ds.hourly_dag(specs))
        tasks = {t.task_id: t for t in dag.tasks}
        self.assertEqual(type(tasks["a__curate__add_step"]).__name__, "EmrAddStepsOperator")
        self.assertEqual(tasks["a__curate__add_step"].kwargs["job_flow_id"], "j-1")
        sensor = tasks["a__curate"]
        self.assertEqual(type(sensor).__name__, "EmrStepSensor")
        self.assertIn("xcom_pull(task_ids='a__curate__add_step', key='return_value')[0]", sensor.kwargs["step_id"])
        self.assertEqual(type(tasks["b__curate"]).__name__, "GlueJobOperator")
        self.assertEqual(tasks["b__curate"].kwargs["script_args"]["--job"], "b")


if __name__ == "__main__":
    unittest.main()
