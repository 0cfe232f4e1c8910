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
 * @param charset      the name of the charset the bytes were decoded with, e.g. "UTF-8", "GB18030";
 *                     {@link #NO_CHARSET} for PDF and Word, whose text comes through the file's own encodings
 * @param kind         TEXT, HTML, PDF, DOCX or DOC
 * @param sha256       hex SHA-256 of the raw bytes, so a report can be recognised when read again
 * @param pageMetadata for HTML the &lt;title&gt; (key "title") and the &lt;meta name&gt; pairs (keys as in
 *                     the page, in page order); for PDF and Word the document's own title and creation date
 *                     ({@link #DOCUMENT_TITLE}, {@link #DOCUMENT_CREATED}, yyyy-mm-dd) and, for an attachment
 *                     found on a notice page, its address ({@link #ATTACHMENT}); empty for TEXT
 */
public record SourceDocument(String location, String fileName, String text, String charset, MediaKind kind,
                             String sha256, Map<String, String> pageMetadata) {
    /** The charset of a document that was not decoded from bytes as text. */
    public static final String NO_CHARSET = "";
    /** The title in a PDF's or Word file's properties: weak, often a template's. */
    public static final String DOCUMENT_TITLE = DocumentText.TITLE;
    /** The creation date in a PDF's or Word file's properties, yyyy-mm-dd: weak, often before publication. */
    public static final String DOCUMENT_CREATED = DocumentText.CREATED;
    /** The address of the attachment read for a notice page given as input. */
    public static final String ATTACHMENT = "attachment";

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
