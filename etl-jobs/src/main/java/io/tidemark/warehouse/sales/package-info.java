/**
 * The sales fact from the sales change stream: the last change per sale.
 */
package io.tidemark.warehouse.sales;
