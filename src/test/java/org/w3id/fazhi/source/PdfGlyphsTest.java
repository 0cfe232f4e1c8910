package org.w3id.fazhi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A printed line's text from its glyphs' boxes (16 pt): a space where the document holds one or the
 * page shows one, none where an office suite only adds room between Han characters and Latin text.
 */
class PdfGlyphsTest {
    private static final float SIZE = 16;
    private final List<Glyph> line = new ArrayList<>();
    private float x = 72;

    /** Glyphs of the given width, {@code gap} points apart from what stands before them. */
    private PdfGlyphsTest print(String text, float width, float gap) {
        x += gap;
        for (int i = 0; i < text.length(); ) {
            String c = new String(Character.toChars(text.codePointAt(i)));
            line.add(new Glyph(c, x, x + width, 100, SIZE));
            x += width;
            i += c.length();
        }
        return this;
    }

    private PdfGlyphsTest han(String text, float gap) {
        return print(text, SIZE, gap);
    }

    private PdfGlyphsTest latin(String text, float gap) {
        return print(text, SIZE / 2, gap);
    }

    private String text() {
        return Glyph.text(line);
    }

    @Test
    void theRoomOfficesAddBetweenHanAndDigitsIsNoSpace() {
        // LibreOffice's "space between Asian and Latin text": 3.5 pt either side of 233
        han("全年共收到行政复议申请", 0).latin("233", 3.5f).han("件", 3.7f);
        assertEquals("全年共收到行政复议申请233件", text());
    }

    @Test
    void aJustifiedLinesSpreadIsNoSpaceEither() {
        // every character 2 pt apart, the room beside the digits on top of it
        han("落实", 0).han("《", 2).han("纲要", 2).latin("(2021-2025", 2.5f).han("年", 5.5f).latin(")", 2).han("》", 2);
        assertEquals("落实《纲要(2021-2025年)》", text());
    }

    @Test
    void aGapThePageShowsIsASpace() {
        han("项目", 0).latin("2022", 40).han("年", 3.2f).latin("2023", 90).han("年", 3.2f);
        assertEquals("项目 2022年 2023年", text());
    }

    @Test
    void latinWordsPositionedApartGetTheirSpace() {
        latin("in", 0).latin("Latin", 4).latin("words", 0.1f);
        assertEquals("in Latinwords", text());
    }

    @Test
    void aSpaceTheDocumentHoldsIsKeptOnceAndOneTheLineEndsWithTooForTheJoin() {
        latin("2023", 0).print(" ", 4, 0).print(" ", 4, 0).han("年", 0).print(" ", 4, 0);
        assertEquals("2023 年 ", text());
    }

    @Test
    void charactersAreReadAsPrintedButRadicalsAsTheirHanCharacter() {
        han("发\u2F63率１００％，", 0);
        assertEquals("发生率１００％，", text());
    }
}
