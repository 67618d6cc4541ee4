/**
 * SES email events.
 */
package io.tidemark.sources.ses;
