/**
 * VPC flow logs delivered as plain lines with a header.
 */
package io.tidemark.sources.flowlines;
