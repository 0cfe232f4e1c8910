package org.w3id.fazhi.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String REPORT = "南昌县2023年法治政府建设年度报告\n一、主要举措和成效";

    @Test
    void validUtf8IsUtf8() {
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(REPORT.getBytes(UTF_8), null).orElseThrow();
        assertEquals(REPORT, decoded.text());
        assertEquals("UTF-8", decoded.charset().name());
    }

    @Test
    void utf8ByteOrderMarkIsRemoved() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, REPORT.getBytes(UTF_8));
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(bytes, null).orElseThrow();
        assertEquals(REPORT, decoded.text());
        assertEquals("UTF-8", decoded.charset().name());
    }

    @Test
    void gbkBytesDecodeAsGb18030() {
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(REPORT.getBytes(GBK), null).orElseThrow();
        assertEquals(REPORT, decoded.text());
        assertEquals("GB18030", decoded.charset().name());
    }

    @Test
    void gb18030FourByteCharactersDecode() {
        String rare = "𠮷㐀区法治";   // a supplementary character and a CJK Extension A character: not in GBK
        assertFalse(GBK.newEncoder().canEncode(rare));
        byte[] bytes = rare.getBytes(CharsetDetector.GB18030);
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(bytes, null).orElseThrow();
        assertEquals(rare, decoded.text());
        assertEquals("GB18030", decoded.charset().name());
    }

    @Test
    void utf16ByteOrderMarksChooseTheByteOrder() {
        CharsetDetector.DecodedText little = CharsetDetector.decode(("\uFEFF" + REPORT).getBytes(UTF_16LE), null).orElseThrow();
        assertEquals(REPORT, little.text());
        assertEquals("UTF-16LE", little.charset().name());
        CharsetDetector.DecodedText big = CharsetDetector.decode(("\uFEFF" + REPORT).getBytes(UTF_16BE), null).orElseThrow();
        assertEquals(REPORT, big.text());
        assertEquals("UTF-16BE", big.charset().name());
    }

    @Test
    void declaredCharsetIsUsedWhenTheBytesAreNotUtf8() {
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(REPORT.getBytes(GBK), GBK).orElseThrow();
        assertEquals(REPORT, decoded.text());
        assertEquals("GBK", decoded.charset().name());
    }

    @Test
    void validUtf8WinsOverAWrongDeclaration() {
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(REPORT.getBytes(UTF_8), GBK).orElseThrow();
        assertEquals(REPORT, decoded.text());
        assertEquals("UTF-8", decoded.charset().name());
    }

    @Test
    void latin1DeclarationIsIgnoredForGbkBytes() {
        CharsetDetector.DecodedText decoded = CharsetDetector.decode(REPORT.getBytes(GBK), ISO_8859_1).orElseThrow();
        assertEquals(REPORT, decoded.text());
        assertEquals("GB18030", decoded.charset().name());
    }

    @Test
    void bytesNeitherUtf8NorGb18030AreRejected() {
        // 0xFF never starts a character in UTF-8 or GB18030
        assertEquals(Optional.empty(), CharsetDetector.decode(new byte[] {'a', 'b', (byte) 0xFF}, null));
    }

    @Test
    void charsetFromContentTypeHeader() {
        assertEquals(Optional.of(Charset.forName("GB2312")), CharsetDetector.fromContentType("text/html; charset=\"gb2312\""));
        assertEquals(Optional.of(UTF_8), CharsetDetector.fromContentType("text/html;Charset=UTF-8"));
        assertEquals(Optional.empty(), CharsetDetector.fromContentType("text/html"));
        assertEquals(Optional.empty(), CharsetDetector.fromContentType("text/html; charset=no-such-charset"));
    }

    @Test
    void charsetDeclaredInHtmlMeta() {
        String html4 = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\"></head>";
        assertEquals(Optional.of(Charset.forName("GB2312")), CharsetDetector.declaredInHtml(html4.getBytes(GBK)));
        String html5 = "<!DOCTYPE html><html><head><meta charset=\"GBK\"><title>法治</title></head>";
        assertEquals(Optional.of(GBK), CharsetDetector.declaredInHtml(html5.getBytes(GBK)));
        assertTrue(CharsetDetector.declaredInHtml("<p>无声明</p>".getBytes(UTF_8)).isEmpty());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
