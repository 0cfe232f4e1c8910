package org.w3id.fazhi.source;

import java.util.Locale;
import java.util.Optional;

/** What kind of document a source is: decides how its bytes become readable text. */
public enum MediaKind {
    TEXT, HTML;

    /** The kind a file name's extension announces (.txt, .html, .htm, any case); empty for other names. */
    public static Optional<MediaKind> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) return Optional.of(TEXT);
        if (name.endsWith(".html") || name.endsWith(".htm")) return Optional.of(HTML);
        return Optional.empty();
    }
}
