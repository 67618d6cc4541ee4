/**
 * What runs leave behind for people: the result of a run, run records in the lake, the report page.
 */
package io.tidemark.ops;
