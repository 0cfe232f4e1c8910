package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Finds the charset of a report's bytes. Chinese government reports come as UTF-8 or as GBK/GB2312; GB18030
 * is a superset of both, so one strict attempt with it covers all the legacy encodings.
 *
 * <p>Order: a byte order mark; else strict UTF-8 (GBK text is almost never valid UTF-8, so success is a
 * reliable signal); else a declared charset (HTTP header or HTML meta), because sites mislabel often enough
 * that a label must not beat the UTF-8 check; else GB18030. Every attempt reports malformed input instead of
 * inserting U+FFFD, so a wrong guess fails rather than producing mojibake.
 */
public final class CharsetDetector {
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** How far into an HTML file to look for a meta charset; sites put long comments before it. */
    private static final int META_SCAN_BYTES = 4096;

    /** Text decoded from bytes, without BOM, and the charset that decoded it. */
    public record DecodedText(String text, Charset charset) {}

    private CharsetDetector() {}

    /** Decodes bytes, preferring {@code declared} (may be null) over GB18030; empty if nothing decodes them. */
    public static Optional<DecodedText> decode(byte[] bytes, Charset declared) {
        Optional<Charset> bom = byteOrderMark(bytes);
        if (bom.isPresent()) {
            return strictly(bytes, bom.get() == UTF_8 ? 3 : 2, bom.get());
        }
        List<Charset> candidates = new ArrayList<>(List.of(UTF_8));
        // A Latin-1 label is a web server's default, never a statement about a Chinese report: honouring it
        // would turn every GBK page into mojibake, since Latin-1 decodes any bytes.
        if (declared != null && !isWestern(declared)) candidates.add(declared);
        candidates.add(GB18030);
        for (Charset charset : candidates) {
            Optional<DecodedText> decoded = strictly(bytes, 0, charset);
            if (decoded.isPresent()) return decoded;
        }
        return Optional.empty();
    }

    /** The charset a byte order mark announces (UTF-8, UTF-16LE, UTF-16BE), if the bytes start with one. */
    public static Optional<Charset> byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return Optional.of(UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return Optional.of(UTF_16BE);
        return Optional.empty();
    }

    /** The charset an HTML page declares in {@code <meta charset>} or {@code <meta http-equiv=Content-Type>}. */
    public static Optional<Charset> declaredInHtml(byte[] bytes) {
        // Declarations are ASCII, so reading the head as Latin-1 finds them whatever the real encoding is.
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), ISO_8859_1);
        for (Element meta : Jsoup.parse(head).select("meta[charset], meta[http-equiv=content-type][content]")) {
            Optional<Charset> charset = meta.hasAttr("charset")
                    ? named(meta.attr("charset"))
                    : fromContentType(meta.attr("content"));
            if (charset.isPresent()) return charset;
        }
        return Optional.empty();
    }

    /** The charset parameter of a Content-Type value such as {@code text/html; charset="gbk"}. */
    public static Optional<Charset> fromContentType(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return named(p.substring(8).replace("\"", "").replace("'", ""));
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> named(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalArgumentException unknownOrIllegal) {
            return Optional.empty();
        }
    }

    private static boolean isWestern(Charset charset) {
        return charset.equals(ISO_8859_1) || charset.equals(US_ASCII) || charset.name().equals("windows-1252");
    }

    private static Optional<DecodedText> strictly(byte[] bytes, int offset, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return Optional.of(new DecodedText(text, charset));
        } catch (CharacterCodingException wrongCharset) {
            return Optional.empty();
        }
    }
}
