package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQL of one table's load, in {@code sql/redshift/load/<table>/}: {@code 10_create_stage.sql} creates the temp
 * table {@code stage_<table>} the input is copied into; for a windowed load (delete-then-insert of hourly
 * partitions) {@code 20_count_rows_outside_windows.sql} counts staged rows outside the replaced partitions (must be
 * 0); then the apply statements run in order (dimension inserts, delete, insert, or MERGE).
 *
 * @param table          the target table (audit dataset), a plain identifier
 * @param windowed       whether the load replaces hourly partitions (stage_windows is created and checked)
 * @param applyFiles     file names of the apply statements, in order
 * @param analyzedTables tables to ANALYZE after the commit
 */
public record TableLoadScript(String table, boolean windowed, List<String> applyFiles, List<String> analyzedTables) {
    static final String LOAD_SQL = "/sql/redshift/load/";
    static final String CREATE_STAGE = "10_create_stage.sql";
    static final String COUNT_OUTSIDE = "20_count_rows_outside_windows.sql";
    static final String CREATE_WINDOWS = "common/create_stage_windows.sql";

    public TableLoadScript {
        SqlIdentifier.require(table, "table");
        applyFiles = List.copyOf(applyFiles);
        analyzedTables = List.copyOf(analyzedTables);
        analyzedTables.forEach(name -> SqlIdentifier.require(name, "analyzed table"));
    }

    /** The temp table the input is copied into. */
    public String stageTable() {
        return "stage_" + table;
    }

    String createStage(SqlDialect dialect, String schema) {
        return read(table + "/" + CREATE_STAGE, dialect, schema);
    }

    Optional<String> countOutsideWindows(SqlDialect dialect, String schema) {
        return windowed ? Optional.of(read(table + "/" + COUNT_OUTSIDE, dialect, schema)) : Optional.empty();
    }

    List<String> apply(SqlDialect dialect, String schema) {
        return applyFiles.stream().map(file -> read(table + "/" + file, dialect, schema)).toList();
    }

    static String read(String file, SqlDialect dialect, String schema) {
        Objects.requireNonNull(dialect, "dialect is null");
        return dialect.render(SqlResource.read(LOAD_SQL + file), schema);
    }
}
