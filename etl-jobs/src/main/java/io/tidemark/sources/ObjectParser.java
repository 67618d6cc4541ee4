package io.tidemark.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Reads one landed object of one raw family with plain Java, inside a Spark task. Bad data never throws: it is
 * quarantined with a reason code and the rest of the object goes on. Only failures of the storage itself (an
 * I/O error that is not an early end or a decoding error) propagate, so that Spark retries the task.
 */
public interface ObjectParser extends Serializable {
    /** The curated datasets this parser writes rows to. */
    List<String> datasets();

    /** @param raw the object's bytes as stored (compressed or not); not to be closed by the parser */
    void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException;
}
