package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** The contents of all entries of a zip stream, concatenated in the order they are stored. */
final class ZipEntriesInputStream extends InputStream {
    private final ZipInputStream zip;
    private boolean inEntry;
    private boolean finished;

    ZipEntriesInputStream(ZipInputStream zip) {
        this.zip = zip;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!finished) {
            if (!inEntry) {
                if (zip.getNextEntry() == null) {
                    finished = true;
                    return -1;
                }
                inEntry = true;
            }
            int n = zip.read(b, off, len);
            if (n >= 0) {
                return n;
            }
            zip.closeEntry();
            inEntry = false;
        }
        return -1;
    }

    @Override
    public int available() throws IOException {
        return finished ? 0 : 1;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
