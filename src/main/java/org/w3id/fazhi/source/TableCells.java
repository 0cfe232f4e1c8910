package org.w3id.fazhi.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.fazhi.source.PageRules.Rule;

/**
 * A page's table, read by its borders: a glyph with a rule on each of its four sides belongs to the
 * cell those rules enclose, when the cell has a neighbour beside it (its top or bottom border goes
 * on past it): a box around one paragraph, or a frame around the page, is no table, and its text is
 * read as any other. A row is the cells that share a top border, read left to right, and becomes
 * one line, cells apart by a space, so a figure keeps the words of its row; the lines a cell wraps
 * onto are joined first, as a paragraph's are.
 */
final class TableCells {
    /** How far (points) a rule may stop short of a glyph and still enclose it: borders meet, give or take. */
    private static final float REACH = 1.5f;

    private record Cell(float left, float top, float right, float bottom) {}

    private final List<Rule> horizontal = new ArrayList<>(), vertical = new ArrayList<>();
    private final Map<Cell, List<Glyph>> cells = new LinkedHashMap<>();

    TableCells(List<Rule> rules) {
        List<Rule> h = new ArrayList<>(), v = new ArrayList<>();
        for (Rule r : rules) (r.horizontal() ? h : v).add(r);
        horizontal.addAll(joined(h, true));
        vertical.addAll(joined(v, false));
    }

    /**
     * The rules with those on one line that meet or overlap made one: Word draws a row's border a
     * cell at a time, LibreOffice across the table.
     */
    private static List<Rule> joined(List<Rule> rules, boolean horizontal) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(horizontal ? Comparator.comparing(Rule::y1).thenComparing(Rule::x1) : Comparator.comparing(Rule::x1).thenComparing(Rule::y1));
        List<Rule> out = new ArrayList<>();
        for (Rule r : sorted) {
            Rule last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && horizontal && Math.abs(r.y1() - last.y1()) <= REACH && r.x1() <= last.x2() + REACH) {
                out.set(out.size() - 1, new Rule(last.x1(), last.y1(), Math.max(last.x2(), r.x2()), last.y1()));
            } else if (last != null && !horizontal && Math.abs(r.x1() - last.x1()) <= REACH && r.y1() <= last.y2() + REACH) {
                out.set(out.size() - 1, new Rule(last.x1(), last.y1(), last.x1(), Math.max(last.y2(), r.y2())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Takes the glyph into its cell and says so; false for a glyph outside any table. */
    boolean take(Glyph g) {
        if (horizontal.size() < 2 || vertical.size() < 2) return false;
        float x = (g.left() + g.right()) / 2, y = g.baseline() - 0.35f * g.size();
        float left = Float.NEGATIVE_INFINITY, right = Float.POSITIVE_INFINITY;
        for (Rule v : vertical) {
            if (v.y1() - REACH > y || v.y2() + REACH < y) continue;
            if (v.x1() <= x) left = Math.max(left, v.x1());
            else right = Math.min(right, v.x1());
        }
        if (left == Float.NEGATIVE_INFINITY || right == Float.POSITIVE_INFINITY) return false;
        Rule above = null, below = null;
        for (Rule h : horizontal) {
            if (h.x1() - REACH > x || h.x2() + REACH < x) continue;
            if (h.y1() <= y && (above == null || h.y1() > above.y1())) above = h;
            else if (h.y1() > y && (below == null || h.y1() < below.y1())) below = h;
        }
        if (above == null || below == null) return false;
        boolean besideAnother = false;
        for (Rule h : new Rule[] {above, below}) besideAnother |= h.x1() < left - REACH || h.x2() > right + REACH;
        if (!besideAnother) return false;
        float top = above.y1(), bottom = below.y1();
        cells.computeIfAbsent(new Cell(left, top, right, bottom), c -> new ArrayList<>()).add(g);
        return true;
    }

    /** The rows of the cells taken, top to bottom, each as one line. */
    List<PdfDocumentReader.Line> rows() {
        List<Cell> order = new ArrayList<>(cells.keySet());
        order.sort(Comparator.comparing(Cell::top).thenComparing(Cell::left));
        List<PdfDocumentReader.Line> rows = new ArrayList<>();
        List<PrintedRow.CellText> row = new ArrayList<>();
        List<Glyph> glyphs = new ArrayList<>();
        float rowTop = Float.NaN;
        for (Cell c : order) {
            if (!row.isEmpty() && Math.abs(c.top() - rowTop) > REACH) {
                rows.add(PdfDocumentReader.Line.row(new PrintedRow(row), glyphs));
                row = new ArrayList<>();
                glyphs = new ArrayList<>();
            }
            if (row.isEmpty()) rowTop = c.top();
            row.add(cellText(c, cells.get(c)));
            glyphs.addAll(cells.get(c));
        }
        if (!row.isEmpty()) rows.add(PdfDocumentReader.Line.row(new PrintedRow(row), glyphs));
        rows.removeIf(r -> r.text().isEmpty());
        return rows;
    }

    /**
     * A cell's glyphs in its printed lines, top to bottom, joined as a wrapped paragraph; whether its
     * last line runs to the cell's edge (its text goes on, in a row a page break split).
     */
    private static PrintedRow.CellText cellText(Cell cell, List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparing(Glyph::baseline).thenComparing(Glyph::left));
        StringBuilder out = new StringBuilder();
        List<Glyph> line = new ArrayList<>();
        float padding = Float.MAX_VALUE, lastRight = 0, size = 0;
        for (Glyph g : sorted) {
            if (!line.isEmpty() && g.baseline() - line.get(0).baseline() > 0.5f * Math.max(g.size(), line.get(0).size())) {
                PdfDocumentReader.join(out, Glyph.text(byLeft(line)));
                line.clear();
                lastRight = 0;
            }
            line.add(g);
            padding = Math.min(padding, g.left() - cell.left());
            if (!g.isBlank()) lastRight = Math.max(lastRight, g.right());
            size = Math.max(size, g.size());
        }
        if (!line.isEmpty()) PdfDocumentReader.join(out, Glyph.text(byLeft(line)));
        String text = out.toString().strip();
        boolean runsOn = !text.isEmpty() && cell.right() - Math.max(0, padding) - lastRight < 1.5f * size
                && "。！？!?".indexOf(text.charAt(text.length() - 1)) < 0;
        return new PrintedRow.CellText(cell.left(), text, runsOn);
    }

    private static List<Glyph> byLeft(List<Glyph> line) {
        List<Glyph> sorted = new ArrayList<>(line);
        sorted.sort(Comparator.comparing(Glyph::left));
        return sorted;
    }
}
