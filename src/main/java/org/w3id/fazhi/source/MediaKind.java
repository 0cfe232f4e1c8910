package org.w3id.fazhi.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of document a source is: decides how its bytes become readable text. */
public enum MediaKind {
    TEXT, HTML,
    /** A PDF's text layer. */
    PDF,
    /** Word 2007 and later (Office Open XML, a zip). */
    DOCX,
    /** Word 97–2003 (an OLE2 compound file). */
    DOC;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** True for the kinds read by a document library rather than decoded as text. */
    public boolean isBinaryDocument() {
        return this == PDF || this == DOCX || this == DOC;
    }

    /** The kind a file name's extension announces (.txt, .html, .htm, .pdf, .docx, .doc, any case); empty for other names. */
    public static Optional<MediaKind> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) return Optional.of(TEXT);
        if (name.endsWith(".html") || name.endsWith(".htm")) return Optional.of(HTML);
        if (name.endsWith(".pdf")) return Optional.of(PDF);
        if (name.endsWith(".docx")) return Optional.of(DOCX);
        if (name.endsWith(".doc")) return Optional.of(DOC);
        return Optional.empty();
    }

    /** The kind an HTTP Content-Type announces; empty for application/octet-stream and others that do not tell. */
    public static Optional<MediaKind> ofContentType(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
            case "text/plain" -> Optional.of(TEXT);
            case "application/pdf", "application/x-pdf" -> Optional.of(PDF);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> Optional.of(DOCX);
            case "application/msword" -> Optional.of(DOC);
            default -> Optional.empty();
        };
    }

    /**
     * The binary document kind the first bytes show, whatever the name or the server says: government
     * sites serve attachments as application/octet-stream, and files are saved under wrong names.
     * A zip is taken for a .docx and an OLE2 file for a .doc; the readers say so when it is another
     * Office file. Empty for anything else (text and HTML are told apart later, once decoded).
     */
    public static Optional<MediaKind> sniff(byte[] bytes) {
        if (startsWith(bytes, ZIP_MAGIC)) return Optional.of(DOCX);
        if (startsWith(bytes, OLE2_MAGIC)) return Optional.of(DOC);
        if (startsWith(bytes, PDF_MAGIC)) return Optional.of(PDF);
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
