/**
 * The {@code tidemark} command line (picocli): one class per verb, the JSON result line, exit codes.
 */
package io.tidemark.cli;
