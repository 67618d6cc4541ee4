package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedWarehouseTest {
    @TempDir
    static Path workdir;

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTablesAndRows() throws Exception {
        Path dataDirectory = EmbeddedWarehouse.dataDirectoryIn(workdir);
        try (EmbeddedWarehouse first = EmbeddedWarehouse.start(dataDirectory);
             Connection connection = first.dataSource().getConnection()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "tidemark").apply(connection);
            new DimDatePopulator("tidemark").populate(connection, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        }
        assertThat(dataDirectory.resolve("postgresql.conf")).exists();
        assertThat(Files.exists(workdir.resolve("warehouse").resolve("pgdata"))).isTrue();

        try (EmbeddedWarehouse second = EmbeddedWarehouse.start(dataDirectory);
             Connection connection = second.dataSource().getConnection()) {
            assertThat(TableDump.of(connection, "SELECT COUNT(*) FROM tidemark.dim_date")).containsExactly("31");
            assertThat(TableDump.of(connection, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'tidemark'")).containsExactly("5");
            assertThat(second.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + second.port() + "/");
        }
    }
}
