/**
 * CloudWatch Logs subscription envelopes: VPC flow-log events and application log events.
 */
package io.tidemark.sources.cloudwatch;
