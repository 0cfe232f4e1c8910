package org.w3id.fazhi.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * The text layer of a PDF report, paragraph by paragraph. PDF has no paragraphs, only positioned
 * lines, so they are rebuilt the way a reader sees them: a line that runs to the right margin goes
 * on in the next one unless that one is indented, set apart, or in another size. Running headers,
 * footers and page numbers are taken off each page first ({@link PageFurniture}), so a paragraph
 * broken by a page break is joined again.
 */
final class PdfDocumentReader {
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]{2,}");

    /**
     * One printed line: its text and where it stands on its page, in PDF units from the top left.
     *
     * @param firstWord the width of its first Latin word or number, or of its first character
     */
    record Line(String text, float left, float right, float baseline, float size, float firstWord) {}

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
     * Pages without a line in small print set apart at the top or the bottom edge: a running header
     * or footer, found so even in a one-page document, where nothing repeats.
     */
    static List<List<Line>> withoutSmallPrintAtEdges(List<List<Line>> pages) {
        List<Line> all = new ArrayList<>();
        pages.forEach(all::addAll);
        if (all.isEmpty()) return pages;
        float em = median(all.stream().map(Line::size).toList());
        float pitch = mostCommon(pitches(pages));
        List<List<Line>> out = new ArrayList<>();
        for (List<Line> page : pages) {
            List<Line> kept = new ArrayList<>(page);
            if (kept.size() > 1 && isEdgePrint(kept.get(0), kept.get(1), em, pitch)) kept.remove(0);
            int last = kept.size() - 1;
            if (last > 0 && isEdgePrint(kept.get(last), kept.get(last - 1), em, pitch)) kept.remove(last);
            out.add(kept);
        }
        return out;
    }

    private static boolean isEdgePrint(Line edge, Line neighbour, float em, float pitch) {
        return edge.size() < 0.85f * em && pitch > 0 && Math.abs(neighbour.baseline() - edge.baseline()) > 2 * pitch;
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
                boolean continues = wrapped && last != null
                        && (last.right() >= right - 2 * em         // the line before ran to the margin,
                            || last.right() + line.firstWord() > right) // or this line's first word did not fit on it
                        && line.left() <= left + 0.8f * em         // this one is not indented or centred
                        && Math.abs(line.size() - last.size()) <= 0.15f * last.size()
                        && (above == null || pitch == 0 || line.baseline() - above.baseline() <= 1.6f * pitch);
                if (continues) {
                    join(current, line.text());
                } else {
                    if (current != null) paragraphs.add(current.toString());
                    current = new StringBuilder(line.text());
                }
                last = line;
                above = line;
            }
        }
        if (current != null) paragraphs.add(current.toString());
        return paragraphs;
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
    private static void join(StringBuilder paragraph, String next) {
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
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(0);
    }

    /**
     * Collects each page's lines with their positions. PDFBox sorts the glyphs into lines and words;
     * its own text output is not used.
     */
    private static final class LineCollector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        private List<Line> page = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> glyphs = new ArrayList<>();

        LineCollector() {
            setSortByPosition(true);
        }

        @Override
        protected void startPage(PDPage p) {
            page = new ArrayList<>();
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            text.append(string);
            glyphs.addAll(positions);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage p) {
            endLine();
            pages.add(page);
        }

        /** Numbers and Latin words are not broken at a line's end: the whole of one moves to the next line. */
        private static float firstWordWidth(List<TextPosition> glyphs) {
            float start = glyphs.get(0).getXDirAdj(), end = start + glyphs.get(0).getWidthDirAdj();
            for (TextPosition g : glyphs) {
                String u = g.getUnicode();
                if (u == null || u.length() != 1 || !isLatin(u.charAt(0)) && ".,%-".indexOf(u.charAt(0)) < 0) break;
                end = g.getXDirAdj() + g.getWidthDirAdj();
            }
            return end - start;
        }

        private void endLine() {
            String line = SPACES.matcher(text.toString().strip()).replaceAll(" ");
            if (!line.isEmpty() && !glyphs.isEmpty()) {
                float left = Float.MAX_VALUE, right = 0, baseline = 0;
                List<Float> sizes = new ArrayList<>();
                for (TextPosition g : glyphs) {
                    left = Math.min(left, g.getXDirAdj());
                    right = Math.max(right, g.getXDirAdj() + g.getWidthDirAdj());
                    baseline = Math.max(baseline, g.getYDirAdj());
                    sizes.add(g.getFontSizeInPt());
                }
                page.add(new Line(line, left, right, baseline, median(sizes), firstWordWidth(glyphs)));
            }
            text.setLength(0);
            glyphs.clear();
        }
    }
}
