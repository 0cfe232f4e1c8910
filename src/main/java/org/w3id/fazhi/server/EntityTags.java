package org.w3id.fazhi.server;

import org.eclipse.jetty.http.QuotedCSV;

/** Entity-tag comparison for the conditional headers (RFC 9110 §8.8.3.2), the lists split by Jetty. */
final class EntityTags {

    private EntityTags() {}

    /** Weak comparison (If-None-Match): does any tag of the list, or {@code *}, match {@code etag}? */
    static boolean matchesWeakly(String list, String etag) {
        String opaque = opaque(etag);
        for (String tag : new QuotedCSV(true, list).getValues()) {
            if (tag.equals("*") || opaque(tag).equals(opaque)) return true;
        }
        return false;
    }

    /** Strong comparison (If-Range): the same tag, and neither weak. */
    static boolean matchesStrongly(String tag, String etag) {
        String t = tag.trim();
        return !t.startsWith("W/") && !etag.startsWith("W/") && t.equals(etag);
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
