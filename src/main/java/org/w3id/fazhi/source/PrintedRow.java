package org.w3id.fazhi.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table's row as a page prints it: its cells' texts, left to right. Read as one line, the cells
 * apart by a space. A row a page break splits (office suites let a row break across pages) goes on
 * at the top of the next page, each cell under its own column.
 *
 * @param cells the cells, left to right
 */
record PrintedRow(List<CellText> cells) {
    /**
     * One cell's text.
     *
     * @param left   where the cell's left border stands
     * @param runsOn its last line runs to the cell's edge without ending a sentence: the text goes on
     */
    record CellText(float left, String text, boolean runsOn) {}

    /** How far apart (points) two cells' left borders may be and still stand in one column. */
    private static final float COLUMN = 2;

    PrintedRow {
        cells = List.copyOf(cells);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (CellText c : cells) {
            if (c.text().isEmpty()) continue;
            if (out.length() > 0) out.append(' ');
            out.append(c.text());
        }
        return out.toString();
    }

    /**
     * Whether {@code next}, heading the next page, is the rest of this row: some cell runs on, and
     * every cell of {@code next} that has text stands in the column of one that runs on (a cell
     * finished on this page is empty in the rest).
     */
    boolean goesOnIn(PrintedRow next) {
        if (cells.stream().noneMatch(CellText::runsOn)) return false;
        for (CellText c : next.cells) {
            if (c.text().isEmpty()) continue;
            if (cells.stream().noneMatch(a -> a.runsOn() && Math.abs(a.left() - c.left()) <= COLUMN)) return false;
        }
        return true;
    }

    /** This row with the rest of it printed on the next page: each cell's text goes on in its column. */
    PrintedRow continuedBy(PrintedRow rest) {
        List<CellText> merged = new ArrayList<>();
        for (CellText c : cells) merged.add(new CellText(c.left(), c.text(), false));
        for (CellText next : rest.cells) {
            int column = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (Math.abs(merged.get(i).left() - next.left()) <= COLUMN) column = i;
            }
            if (column < 0) {
                merged.add(next);
                continue;
            }
            CellText above = merged.get(column);
            StringBuilder text = new StringBuilder(above.text());
            PdfDocumentReader.join(text, next.text());
            merged.set(column, new CellText(above.left(), text.toString(), next.runsOn()));
        }
        merged.sort(Comparator.comparing(CellText::left));
        return new PrintedRow(merged);
    }
}
