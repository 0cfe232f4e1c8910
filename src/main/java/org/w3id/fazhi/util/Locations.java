package org.w3id.fazhi.util;

/** What a report's location is: a web page's URL, or a file path as given. */
public final class Locations {

    private Locations() {}

    /** True for an http(s) URL: a location that is published as it is, never as a local path. */
    public static boolean isWebAddress(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }
}
