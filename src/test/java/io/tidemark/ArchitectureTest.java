package io.tidemark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The house rules of the production code: packages in the order data flows, each importing only packages before it
 * (and the core types at the root), and no import cycle between any two packages, sub-packages included.
 */
class ArchitectureTest {
    /** The pipeline's stages in the order data flows; each may import only the ones before it. */
    static final List<String> FLOW = List.of("config", "landing", "sources", "conform", "quality", "lake", "catalog",
            "warehouse", "ops", "jobs", "bench", "cli");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the compiled production classes only (scanning the whole classpath for the package takes a minute)
        production = new ClassFileImporter().importPath(Path.of(System.getProperty("tidemark.repo.root", "."), "target", "classes"));
    }

    @Test
    void no_package_depends_on_itself_through_another() {
        slices().matching("io.tidemark.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void the_cycle_rule_fails_on_a_cycle() {
        JavaClasses probe = new ClassFileImporter().importClasses(io.tidemark.archprobe.first.First.class,
                io.tidemark.archprobe.second.Second.class);
        assertThatThrownBy(() -> slices().matching("io.tidemark.(**)").should().beFreeOfCycles().check(probe))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    @TestFactory
    Stream<DynamicTest> each_stage_imports_only_the_stages_before_it() {
        return FLOW.stream().map(stage -> DynamicTest.dynamicTest(stage, () -> {
            List<String> later = FLOW.subList(FLOW.indexOf(stage) + 1, FLOW.size());
            if (later.isEmpty()) {
                return;
            }
            noClasses().that().resideInAPackage("io.tidemark." + stage + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(later))
                    .because("data flows " + String.join(" -> ", FLOW) + ", and imports follow it")
                    .check(production);
        }));
    }

    @Test
    void only_the_command_line_and_the_benchmarks_use_the_demo_generators() {
        noClasses().that().resideOutsideOfPackages("io.tidemark.cli..", "io.tidemark.bench..", "io.tidemark.demo..")
                .should().dependOnClassesThat().resideInAPackage("io.tidemark.demo..")
                .check(production);
    }

    @Test
    void the_demo_generators_do_not_use_the_parsers_they_feed() {
        noClasses().that().resideInAPackage("io.tidemark.demo..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(FLOW.subList(FLOW.indexOf("sources"), FLOW.size())))
                .because("the generators compute what the pipeline must produce from their own plan")
                .check(production);
    }

    @Test
    void the_core_types_at_the_root_depend_on_no_stage() {
        noClasses().that().resideInAPackage("io.tidemark")
                .should().dependOnClassesThat().resideInAnyPackage(packages(FLOW))
                .check(production);
    }

    @Test
    void every_package_says_what_it_owns() throws IOException {
        Path sources = Path.of(System.getProperty("tidemark.repo.root", "."), "etl-jobs", "src", "main", "java");
        try (Stream<Path> folders = Files.walk(sources)) {
            List<Path> undocumented = folders.filter(Files::isDirectory)
                    .filter(folder -> hasJavaFile(folder) && !Files.exists(folder.resolve("package-info.java")))
                    .map(sources::relativize).toList();
            assertThat(undocumented).as("packages without a package-info.java").isEmpty();
        }
    }

    private static boolean hasJavaFile(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] packages(List<String> stages) {
        return stages.stream().map(s -> "io.tidemark." + s + "..").toArray(String[]::new);
    }
}
