package org.w3id.fazhi.source;

import java.util.Locale;

/** The largest input read, checked before reading so a stray video or database dump is never loaded. */
record SizeLimit(long maxBytes) {
    private static final String ADVICE =
            " (a report is at most a few hundred KB; set --max-size to read it anyway)";

    void check(String location, long size) throws SourceException {
        if (size > maxBytes) {
            throw new SourceException(location,
                    "file is " + megabytes(size) + ", larger than the " + megabytes(maxBytes) + " limit" + ADVICE);
        }
    }

    /** For a download that announced no length and turned out longer than the limit. */
    SourceException exceeded(String location) {
        return new SourceException(location, "response is larger than the " + megabytes(maxBytes) + " limit" + ADVICE);
    }

    /** Sizes as people say them; only tiny limits (tests, experiments) fall below a megabyte. */
    private static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        if (bytes >= 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return bytes + " bytes";
    }
}
