package io.tidemark.landing;

import java.nio.charset.StandardCharsets;

/** Short, safe-to-store excerpts of raw data for quarantine records. */
public final class RawPrefix {
    /** Characters of a message kept when the whole message is too large to keep. */
    public static final int MAX_CHARS = 1024;

    private RawPrefix() {
    }

    /** The first {@link #MAX_CHARS} characters of text, never splitting a surrogate pair. */
    public static String of(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The bytes decoded as UTF-8 with control characters (other than \t \n \r) replaced by '.'. */
    public static String printable(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean control = Character.isISOControl(cp) && cp != '\t' && cp != '\n' && cp != '\r';
            out.appendCodePoint(control || cp == 0xFFFD ? '.' : cp);
        });
        return of(out.toString());
    }
}
