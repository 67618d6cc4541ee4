package io.tidemark.sources.cdc;

import java.util.List;

/** The normalized names of the {@code sales} columns that source columns map to. */
public final class SalesColumn {
    public static final String SALE_ID = "sale_id";
    public static final String ITEM_ID = "item_id";
    public static final String CATEGORY = "category";
    public static final String PRICE = "price";
    public static final String QUANTITY = "quantity";
    public static final String ORDER_DATE = "order_date";
    public static final String DESTINATION_STATE = "destination_state";
    public static final String SHIPPING_TYPE = "shipping_type";
    public static final String REFERRAL = "referral";

    /** The source table's columns in DESIGN.md's default order: the key, then the image. */
    public static final List<String> DEFAULT_ORDER = List.of(SALE_ID, ITEM_ID, CATEGORY, PRICE, QUANTITY, ORDER_DATE,
            DESTINATION_STATE, SHIPPING_TYPE, REFERRAL);

    private SalesColumn() {
    }
}
