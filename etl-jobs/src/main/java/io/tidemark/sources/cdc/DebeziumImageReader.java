package io.tidemark.sources.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.DebeziumSourceSpec;

/** Reads the normalized image columns out of a Debezium before/after row, through the job's field mapping. */
final class DebeziumImageReader {
    private final DebeziumSourceSpec spec;
    private final JsonNode image;
    private final JsonNode fieldSchemas;

    DebeziumImageReader(DebeziumSourceSpec spec, JsonNode image, JsonNode fieldSchemas) {
        this.spec = spec;
        this.image = image;
        this.fieldSchemas = fieldSchemas;
    }

    SalesImage read() throws BadValue {
        return new SalesImage(
                DebeziumValues.text(SalesColumn.ITEM_ID, value(SalesColumn.ITEM_ID)),
                DebeziumValues.text(SalesColumn.CATEGORY, value(SalesColumn.CATEGORY)),
                DebeziumValues.decimal(SalesColumn.PRICE, value(SalesColumn.PRICE), schema(SalesColumn.PRICE)),
                DebeziumValues.integer(SalesColumn.QUANTITY, value(SalesColumn.QUANTITY)),
                DebeziumValues.instant(SalesColumn.ORDER_DATE, value(SalesColumn.ORDER_DATE), schema(SalesColumn.ORDER_DATE)),
                DebeziumValues.text(SalesColumn.DESTINATION_STATE, value(SalesColumn.DESTINATION_STATE)),
                DebeziumValues.text(SalesColumn.SHIPPING_TYPE, value(SalesColumn.SHIPPING_TYPE)),
                DebeziumValues.text(SalesColumn.REFERRAL, value(SalesColumn.REFERRAL)));
    }

    private JsonNode value(String normalized) {
        return image.get(spec.sourceColumn(normalized));
    }

    private JsonNode schema(String normalized) {
        if (fieldSchemas == null) {
            return null;
        }
        String source = spec.sourceColumn(normalized);
        for (JsonNode field : fieldSchemas) {
            if (source.equals(field.path("field").asText())) {
                return field;
            }
        }
        return null;
    }
}
