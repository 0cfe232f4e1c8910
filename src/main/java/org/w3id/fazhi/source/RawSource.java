package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import org.w3id.fazhi.util.ContentHash;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes of one input as fetched, with what the place they came from says about them.
 *
 * @param kind            from the file extension or Content-Type; empty when neither tells
 * @param declaredCharset from an HTTP Content-Type header
 */
record RawSource(String location, String fileName, byte[] bytes, Optional<MediaKind> kind,
                 Optional<Charset> declaredCharset) {

    /** Binary sniffing looks at the start only: enough for file headers, cheap for large files. */
    private static final int SNIFF_LENGTH = 8192;

    SourceDocument decode() throws SourceException {
        if (bytes.length == 0) throw problem("empty file");
        // The first bytes decide over the name and the server: attachments come as octet-streams and under wrong names.
        Optional<MediaKind> document = MediaKind.sniff(bytes);
        if (document.isPresent()) return readDocument(document.get());
        if (kind.filter(MediaKind::isBinaryDocument).isPresent()) {
            if (looksBinary(new String(bytes, 0, Math.min(bytes.length, SNIFF_LENGTH), ISO_8859_1))) {
                throw new SourceException(location, ProblemKind.CORRUPT, "corrupt " + label(kind.get())
                        + " file: its bytes are not " + label(kind.get()) + " (damaged, or another kind of file renamed)", null);
            }
            // Sites save web pages under .doc for Word to open: such a file is read as the text it is.
            return new RawSource(location, fileName, bytes, Optional.empty(), declaredCharset).decode();
        }
        CharsetDetector.DecodedText decoded = decodeText();
        String text = decoded.text();
        if (text.isBlank()) throw problem("empty file");

        String charset = decoded.charset().name();
        String sha256 = ContentHash.sha256(bytes);
        if (kind.orElseGet(() -> sniffKind(text)) == MediaKind.TEXT) {
            // Lone \r too: reports saved on old Macs or by some converters use it as the line end.
            String lines = text.replace("\r\n", "\n").replace('\r', '\n');
            return new SourceDocument(location, fileName, lines, charset, MediaKind.TEXT, sha256, Map.of());
        }
        HtmlPage page = HtmlPage.parse(text);
        if (page.text().isEmpty()) throw problem("HTML page has no body text");
        return new SourceDocument(location, fileName, page.text(), charset, MediaKind.HTML, sha256, page.metadata());
    }

    /** The bytes as text, in the charset the headers, the page or the bytes themselves tell. */
    CharsetDetector.DecodedText decodeText() throws SourceException {
        // UTF-16 puts a NUL in every ASCII character, so its check must wait until the text is decoded.
        boolean utf16 = CharsetDetector.byteOrderMark(bytes).filter(bom -> !bom.equals(UTF_8)).isPresent();
        if (!utf16 && looksBinary(new String(bytes, 0, Math.min(bytes.length, SNIFF_LENGTH), ISO_8859_1))) {
            throw problem("binary file, not a text, HTML, PDF or Word report");
        }
        Optional<Charset> declared = kind.equals(Optional.of(MediaKind.TEXT))
                ? declaredCharset
                : declaredCharset.or(() -> CharsetDetector.declaredInHtml(bytes));
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(bytes, declared.orElse(null))
                .orElseThrow(() -> problem("cannot decode as UTF-8 or GB18030"));
        String text = decoded.text();
        if (utf16 && looksBinary(text.substring(0, Math.min(text.length(), SNIFF_LENGTH)))) {
            throw problem("binary file, not a text, HTML, PDF or Word report");
        }
        return decoded;
    }

    private SourceDocument readDocument(MediaKind documentKind) throws SourceException {
        DocumentText document = switch (documentKind) {
            case PDF -> PdfDocumentReader.read(location, bytes);
            case DOCX -> WordDocumentReader.readDocx(location, bytes);
            case DOC -> WordDocumentReader.readDoc(location, bytes);
            default -> throw new IllegalArgumentException("not a binary document kind: " + documentKind);
        };
        // The text is the published text resource: quotes' offsets count in it as in a page's text.
        return new SourceDocument(location, fileName, document.text(), SourceDocument.NO_CHARSET, documentKind,
                ContentHash.sha256(bytes), document.properties());
    }

    private static String label(MediaKind kind) {
        return switch (kind) {
            case PDF -> "PDF";
            case DOCX -> "Word (.docx)";
            case DOC -> "Word (.doc)";
            default -> kind.name();
        };
    }

    private SourceException problem(String problem) {
        return new SourceException(location, problem);
    }

    /** NUL anywhere, or more than 10% control characters other than tab, newline, carriage return, form feed. */
    private static boolean looksBinary(String sample) {
        int controls = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == 0) return true;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) controls++;
        }
        return controls * 10L > sample.length();
    }

    /** For inputs whose name and headers do not tell: a saved page starts with a doctype or html tag. */
    private static MediaKind sniffKind(String text) {
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") ? MediaKind.HTML : MediaKind.TEXT;
    }
}
