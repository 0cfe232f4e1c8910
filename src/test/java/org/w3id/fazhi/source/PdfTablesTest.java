package org.w3id.fazhi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.source.PageRules.Rule;

/** A table read by its borders (coordinates from the top left, 12 pt glyphs). */
class PdfTablesTest {
    private static final float SIZE = 12;

    private static Rule across(float y, float x1, float x2) {
        return new Rule(x1, y, x2, y);
    }

    private static Rule down(float x, float y1, float y2) {
        return new Rule(x, y1, x, y2);
    }

    /** Glyphs of one line of text from x on the baseline y; those outside any cell are returned. */
    private static List<Glyph> print(TableCells table, String text, float x, float y) {
        List<Glyph> outside = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            Glyph g = new Glyph(text.substring(i, i + 1), x + i * SIZE, x + (i + 1) * SIZE, y, SIZE);
            if (!table.take(g)) outside.add(g);
        }
        return outside;
    }

    private static List<String> rows(TableCells table) {
        return table.rows().stream().map(PdfDocumentReader.Line::text).toList();
    }

    /** Two columns from x = 72 to 300 to 522, rows from y = 100 to 140 to 200. */
    private static void fill(TableCells table) {
        print(table, "收到申请", 76, 115);
        print(table, "233件，", 304, 115);
        print(table, "办结行政复议", 76, 155);
        print(table, "案件", 76, 175);
        print(table, "177件。", 304, 155);
    }

    @Test
    void rulesDrawnAcrossTheTable() {
        TableCells table = new TableCells(List.of(across(100, 72, 522), across(140, 72, 522), across(200, 72, 522),
                down(72, 100, 200), down(300, 100, 200), down(522, 100, 200)));
        fill(table);
        assertEquals(List.of("收到申请 233件，", "办结行政复议案件 177件。"), rows(table));
    }

    @Test
    void rulesDrawnACellAtATime() {
        List<Rule> rules = new ArrayList<>();
        for (float y : new float[] {100, 140, 200}) {
            rules.add(across(y, 72, 300));
            rules.add(across(y, 300, 522));
        }
        for (float x : new float[] {72, 300, 522}) {
            rules.add(down(x, 100, 140));
            rules.add(down(x, 140, 200));
        }
        TableCells table = new TableCells(rules);
        fill(table);
        assertEquals(List.of("收到申请 233件，", "办结行政复议案件 177件。"), rows(table));
    }

    @Test
    void aBoxAroundAParagraphOrAFrameAroundThePageIsNoTable() {
        TableCells box = new TableCells(List.of(across(100, 72, 522), across(200, 72, 522), down(72, 100, 200), down(522, 100, 200)));
        assertEquals(4, print(box, "收到申请", 76, 115).size());
        TableCells frame = new TableCells(List.of(across(50, 60, 535), across(140, 60, 535), across(800, 60, 535),
                down(60, 50, 800), down(535, 50, 800)));
        assertEquals(4, print(frame, "收到申请", 76, 115).size());
        assertEquals("177件。".length(), print(frame, "177件。", 76, 300).size());
        assertFalse(rows(frame).iterator().hasNext());
    }
}
