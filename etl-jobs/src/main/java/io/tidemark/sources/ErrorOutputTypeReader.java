package io.tidemark.sources;

import io.tidemark.config.JobSpec;
import io.tidemark.landing.PrefixTemplate;
import java.io.Serializable;

/**
 * Reads the Firehose error-output type ({@code !{firehose:error-output-type}}) of an object from its key, against
 * the job's error output prefix as discovery evaluates it: whatever the prefix's layout
 * ({@code <prefix>processing-failed/...}, {@code errors/type=processing-failed/...}). An object whose key is not
 * under the error output prefix (delivered records, a layout other than Firehose's) has none.
 *
 * @param errorPrefix the job's error output prefix, or null when the job's layout has none
 */
public record ErrorOutputTypeReader(PrefixTemplate errorPrefix) implements Serializable {
    /** A job without error output (a layout other than Firehose's). */
    public static final ErrorOutputTypeReader NONE = new ErrorOutputTypeReader(null);

    /** The reader of a job's error output: {@link #NONE} when its layout is not Firehose's. */
    public static ErrorOutputTypeReader of(JobSpec spec) {
        return spec.prefixes() == null ? NONE
                : new ErrorOutputTypeReader(new PrefixTemplate(spec.prefixes().errors(), spec.prefixes().zone()));
    }

    /** The error-output type of the object at {@code key} (relative to the landing root), or null for none. */
    public String typeOf(String key) {
        return errorPrefix == null ? null
                : errorPrefix.match(key).map(PrefixTemplate.KeyFields::errorOutputType).orElse(null);
    }
}
