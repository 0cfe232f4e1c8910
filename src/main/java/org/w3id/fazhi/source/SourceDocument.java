package org.w3id.fazhi.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One input read and decoded, before any cleaning.
 *
 * @param location     the input as given: a path (relative if the user gave it so) or a URL
 * @param fileName     the last path segment; "index.html" for a URL whose path ends in "/"
 * @param text         the decoded text: a .txt file's text without BOM and with "\n" line ends, or an
 *                     HTML page's readable text, one line per block element
 * @param charset      the name of the charset the bytes were decoded with, e.g. "UTF-8", "GB18030"
 * @param kind         TEXT or HTML
 * @param sha256       hex SHA-256 of the raw bytes, so a report can be recognised when read again
 * @param pageMetadata for HTML the &lt;title&gt; (key "title") and the &lt;meta name&gt; pairs (keys as in
 *                     the page, in page order); empty for TEXT
 */
public record SourceDocument(String location, String fileName, String text, String charset, MediaKind kind,
                             String sha256, Map<String, String> pageMetadata) {
    public SourceDocument {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        // Copied so the record stays immutable; a LinkedHashMap keeps the page's order for people reading it.
        pageMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(pageMetadata));
    }
}
