/**
 * The sales fact from the sales change stream: every change staged from Spark, the last change per sale kept in SQL.
 */
package io.tidemark.warehouse.sales;
