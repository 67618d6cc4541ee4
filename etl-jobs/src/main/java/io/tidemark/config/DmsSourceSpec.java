package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.OptionalInt;

/**
 * AWS DMS S3-target CSV of the {@code sales} table: full-load files {@code LOAD<8 hex>.csv[.gz]} and CDC files
 * {@code yyyyMMdd-HHmmss<fraction>.csv[.gz]} whose rows start with the {@code Op} column (I/U/D).
 *
 * @param columns          the columns after Op, in file order; names matching a normalized sales column
 *                         ({@code sale_id}, {@code item_id}, ...) are mapped, others ignored; must hold
 *                         {@code sale_id}. Default: DESIGN.md's order
 * @param header           whether every file starts with a header row (AddColumnName=true); default false
 * @param timestampColumn  the column of {@code columns} that holds TimestampColumnName's
 *                         {@code yyyy-MM-dd HH:mm:ss.SSSSSS} commit time, or null (then the CDC file name's time,
 *                         or the window date for full-load files, is the change time)
 * @param nullMarker       the unquoted text read as null (CsvNullValue); default {@code NULL}
 * @param opInFullLoad     whether full-load rows carry the Op column too (IncludeOpForFullLoad); default false
 * @param maxRecordBytes   records longer than this (UTF-8 bytes, without the line end) are quarantined as
 *                         OVERSIZED_RECORD; default 1 MiB, at least 1024
 */
public record DmsSourceSpec(
        @JsonProperty("columns") List<String> columns,
        @JsonProperty("header") Boolean header,
        @JsonProperty("timestampColumn") String timestampColumn,
        @JsonProperty("nullMarker") String nullMarker,
        @JsonProperty("opInFullLoad") Boolean opInFullLoad,
        @JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {

    public static final List<String> DEFAULT_COLUMNS = List.of("sale_id", "item_id", "category", "price", "quantity",
            "order_date", "destination_state", "shipping_type", "referral");

    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    @JsonCreator
    public DmsSourceSpec {
        columns = List.copyOf(columns == null ? DEFAULT_COLUMNS : columns);
        header = header != null && header;
        nullMarker = nullMarker == null ? "NULL" : nullMarker;
        opInFullLoad = opInFullLoad != null && opInFullLoad;
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
        if (!columns.contains("sale_id")) {
            throw new ConfigException("Cannot use source.columns " + columns + ": expected the key column 'sale_id'");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new ConfigException("Cannot use source.columns " + columns + ": a column is listed twice");
        }
        if (timestampColumn != null && !columns.contains(timestampColumn)) {
            throw new ConfigException("Cannot use source.timestampColumn '" + timestampColumn
                    + "': it is not one of source.columns " + columns);
        }
    }

    /** The settings without maxRecordBytes (its default). */
    public DmsSourceSpec(List<String> columns, Boolean header, String timestampColumn, String nullMarker,
                         Boolean opInFullLoad) {
        this(columns, header, timestampColumn, nullMarker, opInFullLoad, null);
    }

    /** The DESIGN.md default: default columns, no header, no timestamp column, NULL marker. */
    public static DmsSourceSpec defaults() {
        return new DmsSourceSpec(null, null, null, null, null);
    }

    /** A change feed: no horizon (DMS full loads and CDC files have no arrival time either). */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.empty();
    }
}
