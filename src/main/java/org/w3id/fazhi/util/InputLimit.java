package org.w3id.fazhi.util;

/** The largest input the commands read unless told otherwise. */
public final class InputLimit {

    /** 8 MiB: a report is at most a few hundred KB, so anything larger is a stray video or dump. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    /** The same, for option defaults that need a constant string. */
    public static final String DEFAULT_MAX_BYTES_TEXT = "" + DEFAULT_MAX_BYTES;

    private InputLimit() {}
}
