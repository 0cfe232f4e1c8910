package org.w3id.fazhi.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF report, paragraph by paragraph, as a reader copying it from the page gets
 * it. PDF has no paragraphs, only positioned glyphs: each line's text is made from its glyphs'
 * boxes ({@link Glyph}), a table's glyphs are read by its borders a row a line ({@link TableCells}),
 * and paragraphs are rebuilt the way a reader sees them: a line that runs to the right margin goes
 * on in the next one unless that one is indented, set apart, or in another size, and a large
 * centred title that fills the measure goes on in the next centred line. Running headers, footers
 * and page numbers are taken off each page first (small print at the edges, {@link PageFurniture}),
 * so a paragraph, or a table's row, broken by a page break is joined again.
 */
final class PdfDocumentReader {
    /** Print smaller than this share of the body's size is a header's or a footer's. */
    private static final float SMALL_PRINT = 0.9f;

    /**
     * One printed line: its text and where it stands on its page, in PDF units from the top left.
     *
     * @param firstWord the width of its first Latin word or number, or of its first character
     * @param table     for a table's row, its cells: a line of its own, never joined to another
     *                  but to the rest of the row on the next page; null for other lines
     */
    record Line(String text, float left, float right, float baseline, float size, float firstWord, PrintedRow table) {
        Line(String text, float left, float right, float baseline, float size, float firstWord) {
            this(text, left, right, baseline, size, firstWord, null);
        }

        boolean row() {
            return table != null;
        }

        /** The line the glyphs print, with its text as made by {@link Glyph#text}. */
        static Line of(String text, List<Glyph> glyphs) {
            return of(text, glyphs, null);
        }

        /** A table's row: its text the cells', its place the glyphs'. */
        static Line row(PrintedRow row, List<Glyph> glyphs) {
            return of(row.text(), glyphs, row);
        }

        private static Line of(String text, List<Glyph> glyphs, PrintedRow row) {
            List<Glyph> printed = glyphs.stream().filter(g -> !g.isBlank() && !g.text().isEmpty()).toList();
            if (printed.isEmpty()) printed = glyphs;
            float left = Float.MAX_VALUE, right = 0, top = Float.MAX_VALUE, bottom = 0;
            List<Float> sizes = new ArrayList<>();
            for (Glyph g : printed) {
                left = Math.min(left, g.left());
                right = Math.max(right, g.right());
                top = Math.min(top, g.baseline());
                bottom = Math.max(bottom, g.baseline());
                sizes.add(g.size());
            }
            // a row stands where its first line does; a line on its lowest baseline (a superscript stands higher)
            return new Line(text, left, right, row != null ? top : bottom, median(sizes), firstWordWidth(printed), row);
        }

        /** This row with its rest from the top of the next page, standing where the rest does. */
        Line continuedBy(Line rest) {
            PrintedRow merged = table.continuedBy(rest.table);
            return new Line(merged.text(), rest.left, rest.right, rest.baseline, rest.size, rest.firstWord, merged);
        }

        float width() {
            return right - left;
        }

        float centre() {
            return (left + right) / 2;
        }

        /** Numbers and Latin words are not broken at a line's end: the whole of one moves to the next line. */
        private static float firstWordWidth(List<Glyph> glyphs) {
            float start = glyphs.get(0).left(), end = glyphs.get(0).right();
            for (Glyph g : glyphs) {
                String u = g.text();
                if (u.length() != 1 || !isLatin(u.charAt(0)) && ".,%-".indexOf(u.charAt(0)) < 0) break;
                end = g.right();
            }
            return end - start;
        }
    }

    private PdfDocumentReader() {}

    static DocumentText read(String location, byte[] bytes) throws SourceException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.getNumberOfPages() == 0) throw corrupt(location, "it has no pages", null);
            LineCollector lines = new LineCollector();
            lines.getText(pdf);
            List<List<Line>> pages = PageFurniture.remove(withoutSmallPrintAtEdges(lines.pages), Line::text);
            List<String> paragraphs = paragraphs(pages);
            if (paragraphs.isEmpty()) {
                int images = pagesWithImages(pdf);
                if (images > 0) {
                    throw new SourceException(location, ProblemKind.SCANNED, "scanned PDF: " + pdf.getNumberOfPages()
                            + " page(s), " + images + " with images and none with a text layer; run OCR on it first", null);
                }
                throw new SourceException(location, "PDF has no text on any of its " + pdf.getNumberOfPages() + " page(s)");
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            return new DocumentText(paragraphs, DocumentText.properties(info.getTitle(),
                    info.getCreationDate() == null ? null : info.getCreationDate().getTime()));
        } catch (InvalidPasswordException e) {
            throw new SourceException(location, ProblemKind.ENCRYPTED,
                    "encrypted PDF: it needs a password to open, so its text cannot be read", e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(location, SourceException.briefly(e), e);
        }
    }

    private static SourceException corrupt(String location, String why, Throwable cause) {
        return new SourceException(location, ProblemKind.CORRUPT,
                "corrupt PDF: cannot be read" + (why == null || why.isBlank() ? "" : " (" + why.strip() + ")"), cause);
    }

    /** Pages that draw an image: a scan is one image a page. */
    private static int pagesWithImages(PDDocument pdf) throws IOException {
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) continue;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /**
     * Pages without the lines in small print at their top and bottom edges (two at most at each,
     * and never all of a page): a running header or footer, found so even in a one- or two-page
     * document, where nothing repeats often enough. Office suites set headers and footers smaller
     * than the body (Word's 9 pt over 10.5 pt, 10.5 pt over an official document's 16 pt).
     */
    static List<List<Line>> withoutSmallPrintAtEdges(List<List<Line>> pages) {
        List<Line> all = new ArrayList<>();
        pages.forEach(all::addAll);
        if (all.isEmpty()) return pages;
        float em = median(all.stream().map(Line::size).toList());
        List<List<Line>> out = new ArrayList<>();
        for (List<Line> page : pages) {
            int from = 0, to = page.size();
            while (from < Math.min(PageFurniture.EDGE_LINES, to - 1) && isSmallPrint(page.get(from), em)) from++;
            while (to - from > 1 && page.size() - to < PageFurniture.EDGE_LINES && isSmallPrint(page.get(to - 1), em)) to--;
            out.add(from == to ? page : new ArrayList<>(page.subList(from, to)));
        }
        return out;
    }

    private static boolean isSmallPrint(Line line, float em) {
        return !line.row() && line.size() < SMALL_PRINT * em;
    }

    /** The lines of all pages as paragraphs, in reading order. */
    static List<String> paragraphs(List<List<Line>> pages) {
        List<Line> all = new ArrayList<>();
        pages.forEach(all::addAll);
        if (all.isEmpty()) return List.of();
        float em = median(all.stream().map(Line::size).toList());
        float left = mostCommon(all.stream().map(Line::left).toList());
        float right = rightMargin(all, em);
        float pitch = mostCommon(pitches(pages));
        // Without a fair share of lines at the margin nothing was wrapped (a list, a one-page notice):
        // each line is a paragraph of its own.
        long atMargin = all.stream().filter(l -> l.right() >= right - 2 * em).count();
        boolean wrapped = right - left >= 15 * em && atMargin >= Math.max(2, all.size() / 5);

        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = null;
        Line last = null;
        for (List<Line> page : pages) {
            Line above = null; // the line above on this page; none after a page break
            for (Line line : page) {
                boolean continues = wrapped && last != null && !last.row() && !line.row()
                        && (last.right() >= right - em              // the line before ran to the margin,
                            || last.right() + line.firstWord() > right) // or this line's first word did not fit on it
                        && line.left() <= left + 0.8f * em         // this one is not indented or centred
                        && Math.abs(line.size() - last.size()) <= 0.15f * last.size()
                        && (above == null || pitch == 0 || line.baseline() - above.baseline() <= 1.6f * pitch);
                if (last != null && last.row() && line.row() && above == null && last.table().goesOnIn(line.table())) {
                    // a row a page break split: its rest heads the next page
                    line = last.continuedBy(line);
                    current = new StringBuilder(line.text());
                } else if (continues || last != null && continuesCentredHeading(last, line, above, left, right, em)) {
                    join(current, line.text());
                } else {
                    if (current != null) paragraphs.add(current.toString().strip());
                    current = new StringBuilder(line.text());
                }
                last = line;
                above = line;
            }
        }
        if (current != null) paragraphs.add(current.toString().strip());
        return paragraphs;
    }

    /**
     * A heading set larger than the body and centred (a title) that wraps goes on in the next line:
     * the line before filled the measure (the next one's first word, and a character the line may
     * not end on, would not fit), and this one is centred too, in the same size, right below it.
     */
    private static boolean continuesCentredHeading(Line last, Line line, Line above, float left, float right, float em) {
        float size = last.size(), middle = (left + right) / 2;
        return !last.row() && !line.row() && above != null
                && size >= 1.15f * em && Math.abs(line.size() - size) <= 0.15f * size
                && Math.abs(last.centre() - middle) <= 0.5f * size && Math.abs(line.centre() - middle) <= 0.5f * size
                && last.width() + line.firstWord() + size > right - left
                && line.baseline() - above.baseline() <= 2 * size;
    }

    /**
     * Where most lines end: the right margin, which wrapped lines reach (give or take a character);
     * a wide table row or a long address beyond it does not move it.
     */
    private static float rightMargin(List<Line> lines, float em) {
        Map<Integer, Integer> perColumn = new HashMap<>();
        for (Line l : lines) perColumn.merge((int) (l.right() / em), 1, Integer::sum);
        int column = perColumn.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
        float right = 0;
        for (Line l : lines) {
            if (Math.abs((int) (l.right() / em) - column) <= 1) right = Math.max(right, l.right());
        }
        return right;
    }

    /** A wrapped line joins without a space, as Chinese is set; Latin words broken at a space get it back. */
    static void join(StringBuilder paragraph, String next) {
        if (next.isEmpty()) return;
        if (paragraph.length() == 0) {
            paragraph.append(next);
            return;
        }
        char end = paragraph.charAt(paragraph.length() - 1);
        char start = next.charAt(0);
        if (isLatin(end) && isLatin(start)) paragraph.append(' ');
        paragraph.append(next);
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** Distances between the baselines of neighbouring lines on a page: the usual one is the line pitch. */
    private static List<Float> pitches(List<List<Line>> pages) {
        List<Float> out = new ArrayList<>();
        for (List<Line> page : pages) {
            for (int i = 1; i < page.size(); i++) {
                float d = page.get(i).baseline() - page.get(i - 1).baseline();
                if (d > 0) out.add(d);
            }
        }
        return out;
    }

    private static float median(List<Float> values) {
        if (values.isEmpty()) return 0;
        float[] sorted = new float[values.size()];
        for (int i = 0; i < sorted.length; i++) sorted[i] = values.get(i);
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The value most lines share, to the point (the smallest of equals): the body's margin or line pitch, whatever headings do. */
    private static float mostCommon(List<Float> values) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (float v : values) counts.merge(Math.round(v), 1, Integer::sum);
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(0);
    }

    /**
     * Collects each page's lines with their positions. PDFBox sorts the glyphs into lines; the text
     * of each line is made from its glyphs ({@link Glyph#text}), PDFBox's own text and word
     * separators are not used. Glyphs inside a table's borders are read by row ({@link TableCells}).
     */
    private static final class LineCollector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        private List<Line> page = new ArrayList<>();
        private final PageRules rules;
        private TableCells table = new TableCells(List.of());
        private final List<Glyph> glyphs = new ArrayList<>();

        LineCollector() {
            setSortByPosition(true);
            rules = PageRules.install(this);
        }

        @Override
        protected void startPage(PDPage p) {
            page = new ArrayList<>();
            rules.startPage(p);
        }

        /** The page's content has been read, its rules with it: now its text, line by line. */
        @Override
        protected void writePage() throws IOException {
            table = new TableCells(rules.rules());
            super.writePage();
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                Glyph g = Glyph.of(p);
                if (!table.take(g)) glyphs.add(g);
            }
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage p) {
            endLine();
            List<Line> rows = table.rows();
            if (!rows.isEmpty()) {
                page.addAll(rows);
                page.sort(Comparator.comparing(Line::baseline)); // stable: lines of one baseline keep their order
            }
            pages.add(page);
        }

        private void endLine() {
            String text = Glyph.text(glyphs);
            if (!text.isEmpty()) page.add(Line.of(text, glyphs));
            glyphs.clear();
        }
    }
}
