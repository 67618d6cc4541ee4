package io.tidemark.warehouse.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.udf;

import io.tidemark.warehouse.ArticleKey;
import io.tidemark.warehouse.TableLoadScript;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Model {@code article_events}: {@code click_events} to {@code dim_article} and {@code fact_article_events} at the
 * grain day, hour, article, user version, action. Spark counts the published events per (dt, hr, article, user id,
 * action); the warehouse adds new articles, replaces the hours, and resolves each user id to the {@code dim_user}
 * version valid at the hour ({@code -1} when none).
 */
public final class ArticleEventsModel extends StagedTableModel {
    public static final String MODEL = "article_events";
    public static final String DATASET = "click_events";
    static final TableLoadScript SCRIPT = new TableLoadScript("fact_article_events", true,
            List.of("30_insert_missing_articles.sql", "40_delete_windows.sql", "50_insert_facts.sql"),
            List.of("dim_article", "fact_article_events", "etl_load_audit"));

    private static final UserDefinedFunction ARTICLE_KEY =
            udf((UDF1<Long, Long>) ArticleKey::of, DataTypes.LongType).asNonNullable();

    public ArticleEventsModel() {
        super(MODEL, DATASET, SCRIPT);
    }

    @Override
    Dataset<Row> stagedRows(Dataset<Row> published) {
        return published
                .groupBy(col("dt"), col("hr"), col("article_id"), col("user_id"), col("action"))
                .agg(count(lit(1)).as("event_count"))
                .select(regexp_replace(col("dt"), "-", "").cast("int").as("datekey"),
                        col("hr").cast("short").as("hr"),
                        to_timestamp(concat(col("dt"), lit(" "), col("hr"), lit(":00:00"))).as("hour_start"),
                        ARTICLE_KEY.apply(col("article_id")).as("article_key"),
                        col("article_id"), col("user_id"), col("action"), col("event_count"));
    }
}
