/**
 * Generators of sample Firehose landings for every family (the demo and the benchmarks); they write objects and
 * return their own plan, never using the parsers they feed.
 */
package io.tidemark.demo;
