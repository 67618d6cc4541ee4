/**
 * Tidemark: Firehose landings in S3 to curated Parquet, the catalog and the warehouse. Packages follow the data:
 * {@code config} -> {@code landing} -> {@code sources} -> {@code conform} -> {@code quality} -> {@code lake} -> {@code catalog}
 * -> {@code warehouse} -> {@code ops} -> {@code jobs} -> {@code bench} -> {@code cli}; each imports only those before it
 * (checked by {@code ArchitectureTest}). This root package holds the core types every stage may use: {@link
 * io.tidemark.ErrorCode}, {@link io.tidemark.TidemarkException} and {@link io.tidemark.RunStatus}.
 */
package io.tidemark;
