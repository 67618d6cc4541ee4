package io.tidemark.catalog;

import io.tidemark.config.SqlIdentifier;

/** A catalog table, both parts validated as SQL identifiers. */
public record TableRef(String database, String table) {
    public TableRef {
        SqlIdentifier.require(database, "catalog database");
        SqlIdentifier.require(table, "catalog table");
    }

    /** {@code `db`.`table`} for Spark SQL / HiveQL. */
    public String quoted() {
        return "`" + database + "`.`" + table + "`";
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
