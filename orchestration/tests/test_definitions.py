"""The EMR step and Glue job definitions in orchestration/emr and orchestration/glue."""

import json
import unittest

from tests import JOBS
import tidemark_dag_spec as ds
import tidemark_definitions as defs


class DefinitionsTest(unittest.TestCase):
    def test_the_committed_files_are_what_the_generator_writes(self):
        for path, text in defs.rendered(JOBS).items():
            self.assertTrue(path.is_file(), f"{path} is missing: run python3 orchestration/dags/tidemark_definitions.py")
            self.assertEqual(path.read_text(encoding="utf-8"), text, f"{path} is stale: rerun the generator")

    def test_every_job_has_an_emr_step_running_the_main_class_in_cluster_mode(self):
        for spec in ds.load_job_specs(JOBS):
            step = defs.emr_step_definition(spec)["Steps"][0]
            self.assertEqual(step["HadoopJarStep"]["Jar"], "command-runner.jar")
            args = step["HadoopJarStep"]["Args"]
            self.assertEqual(args[0], "spark-submit")
            self.assertEqual(args[args.index("--deploy-mode") + 1], "cluster")
            self.assertEqual(args[args.index("--class") + 1], "io.tidemark.cli.TidemarkCli")
            jar = args.index(ds.DEFAULT_JAR)
            self.assertEqual(args[jar + 1:jar + 3], ["run", spec.job])
            self.assertEqual(args[-2:], ["--config", "tidemark.json"])
            self.assertEqual("--hour" in args, spec.schedule.hourly, spec.job)

    def test_every_glue_job_runs_the_main_class_with_the_catalog_and_glue_style_parameters(self):
        for spec in ds.load_job_specs(JOBS):
            job = defs.glue_job_definition(spec)
            args = job["DefaultArguments"]
            self.assertEqual(job["Command"]["Name"], "glueetl")
            self.assertEqual(job["GlueVersion"], "5.0")
            self.assertEqual(args["--class"], "io.tidemark.cli.TidemarkCli")
            self.assertEqual(args["--job-language"], "scala")
            self.assertEqual(args["--extra-jars"], ds.DEFAULT_JAR)
            self.assertEqual(args["--enable-glue-datacatalog"], "true")
            self.assertEqual((args["--verb"], args["--job"]), ("run", spec.job))
            json.dumps(job)


if __name__ == "__main__":
    unittest.main()
