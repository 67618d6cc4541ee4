// The Glue job's ScriptLocation (Glue compiles the script of a Scala job before it starts). The job itself is
// Tidemark's main class, named by --class io.tidemark.cli.TidemarkCli and loaded from the jar in --extra-jars;
// this object only delegates to it, for a job whose --class names this script instead.
object TidemarkGlueEntry {
  def main(sysArgs: Array[String]): Unit = io.tidemark.cli.TidemarkCli.main(sysArgs)
}
