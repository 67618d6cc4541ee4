package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedWarehouseTest {
    @TempDir
    static Path workdir;

    private static final String TABLES_IN_SCHEMA =
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'tidemark'";

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTablesAndRows() throws Exception {
        List<String> tables;
        Path dataDirectory = EmbeddedWarehouse.dataDirectoryIn(workdir);
        try (EmbeddedWarehouse first = EmbeddedWarehouse.start(dataDirectory);
             Connection connection = first.dataSource().getConnection()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "tidemark").apply(connection);
            new DimDatePopulator("tidemark").populate(connection, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
            tables = TableDump.of(connection, TABLES_IN_SCHEMA);
        }
        assertThat(tables).hasSize(1).first().isNotEqualTo("0");
        assertThat(dataDirectory.resolve("postgresql.conf")).exists();
        assertThat(Files.exists(workdir.resolve("warehouse").resolve("pgdata"))).isTrue();

        try (EmbeddedWarehouse second = EmbeddedWarehouse.start(dataDirectory);
             Connection connection = second.dataSource().getConnection()) {
            assertThat(TableDump.of(connection, "SELECT COUNT(*) FROM tidemark.dim_date")).containsExactly("31");
            assertThat(TableDump.of(connection, TABLES_IN_SCHEMA)).isEqualTo(tables);
            assertThat(second.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + second.port() + "/");
        }
    }
}
