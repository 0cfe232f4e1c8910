package org.w3id.fazhi.source;

import org.w3id.fazhi.recognize.metadata.Signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3id.fazhi.clean.CleanedDocument;
import org.w3id.fazhi.clean.ReportCleaner;

/**
 * A report set as an office types it before printing or saving it as PDF, written as a Flat
 * OpenDocument text (.fodt) for LibreOffice to convert ({@link OfficeSuite}). The layout follows the
 * usual official-document setting (GB/T 9704): A4, Han in a CJK font and digits and Latin letters in a
 * Latin font (the separate western and Asian fonts of an office suite), body in 16 pt on a fixed
 * 28 pt line with a two-character first-line indent, justified; the title in 22 pt, centred, long
 * ones wrapping onto a second line; a running header in small print with a rule under it and a page
 * number at the foot ({@code — 3 —} or {@code 第 3 页 共 9 页}); one table with borders.
 *
 * <p>The words are the report's own, as the extractor reads the text version: the lines before the
 * body (title, date, source …) and the body's paragraphs. One paragraph that holds figures is set
 * as the table instead, its clauses in the cells two by two, so each row reads as clauses of the
 * paragraph and every figure keeps its words.
 */
public final class PrintedReport {
    /** How the page number is printed at the foot of each page. */
    public enum Footer { DASHES, PAGE_OF_TOTAL }

    /** A block of the document: a paragraph in one of the styles, or the table. */
    sealed interface Block permits Paragraph, Table {}

    record Paragraph(Style style, String text) implements Block {}

    record Table(List<List<String>> rows) implements Block {}

    enum Style {
        /** The lines before the body other than the title: flush left, not indented. */
        PLAIN("Plain"),
        TITLE("ReportTitle"),
        BODY("Body"),
        /** The issuers and the date under the text (落款): set flush right, clear of the margin. */
        SIGNATURE("Signature");

        final String odfName;

        Style(String odfName) {
            this.odfName = odfName;
        }
    }

    static final String CJK_FONT = "WenQuanYi Zen Hei";
    static final String LATIN_FONT = "Liberation Serif";

    /** Clause punctuation a paragraph is split at for the table; a comma between digits is a thousands separator. */
    private static final Pattern CLAUSE_END = Pattern.compile("[，；。;]|,(?!\\d)");
    private static final Pattern PROSE = Pattern.compile("[，,。；;！？]");
    /** A breadcrumb or a label: what a title never holds. */
    private static final Pattern NOT_TITLE = Pattern.compile("[>＞:：]");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern XML_ILLEGAL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private final List<Block> blocks;
    private final String runningHeader;
    private final Footer footer;

    private PrintedReport(List<Block> blocks, String runningHeader, Footer footer) {
        this.blocks = List.copyOf(blocks);
        this.runningHeader = Objects.requireNonNull(runningHeader);
        this.footer = Objects.requireNonNull(footer);
    }

    /**
     * The report laid out from the text the extractor reads: {@code front}, the lines before the body
     * (the title among them: the first that names a report and has no clause punctuation), and the
     * body's paragraphs, one of them set as the table. The running header repeats the title, or
     * names the kind of document when there is none.
     */
    public static PrintedReport of(List<String> front, List<String> body, Footer footer) {
        List<Block> blocks = new ArrayList<>();
        String title = front.stream().filter(PrintedReport::looksLikeTitle).findFirst().orElse(null);
        for (String line : front) blocks.add(new Paragraph(line.equals(title) ? Style.TITLE : Style.PLAIN, line));
        int table = tableParagraph(body);
        for (int i = 0; i < body.size(); i++) {
            blocks.add(i == table ? new Table(rows(clauses(body.get(i)))) : new Paragraph(Style.BODY, body.get(i)));
        }
        return new PrintedReport(blocks, title == null ? "法治政府建设年度报告" : title, footer);
    }

    /** The same report signed under its text: each line of {@code signature} set flush right. */
    public PrintedReport signed(List<String> signature) {
        List<Block> with = new ArrayList<>(blocks);
        for (String line : signature) with.add(new Paragraph(Style.SIGNATURE, line));
        return new PrintedReport(with, runningHeader, footer);
    }

    /**
     * A text report laid out as printed: read and cleaned as the extractor reads it, the lines before
     * the body and the body's paragraphs; the page-number style taken from the name, so both occur.
     */
    public static PrintedReport fromText(Path report) throws SourceException {
        CleanedDocument c = cleaned(report);
        Footer footer = Math.floorMod(c.fileName().hashCode(), 2) == 0 ? Footer.DASHES : Footer.PAGE_OF_TOTAL;
        return of(c.header(), body(c), footer);
    }

    /** One long report: the first text's lines before its body, then every text's body, one after another. */
    public static PrintedReport fromTexts(List<Path> reports) throws SourceException {
        List<String> body = new ArrayList<>();
        for (Path r : reports) body.addAll(body(cleaned(r)));
        return of(cleaned(reports.get(0)).header(), body, Footer.DASHES);
    }

    private static CleanedDocument cleaned(Path report) throws SourceException {
        SourceDocument d = SourceReader.builder().build().readOne(report.toString());
        return ReportCleaner.create().clean(d.location(), d.fileName(), d.sha256(), d.text(), d.pageMetadata());
    }

    private static List<String> body(CleanedDocument c) {
        return c.text().isEmpty() ? List.of() : List.of(c.text().split("\n"));
    }

    /**
     * What a reader copies from the printed page: each paragraph a line, each table row a line with its
     * cells apart by a space.
     */
    public List<String> readingLines() {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Paragraph p) out.add(p.text());
            else for (List<String> row : ((Table) b).rows()) out.add(String.join(" ", row.stream().filter(c -> !c.isEmpty()).toList()));
        }
        return out;
    }

    /** The title as set, or null when the report's lines hold none. */
    public String title() {
        return blocks.stream().filter(b -> b instanceof Paragraph p && p.style() == Style.TITLE).map(b -> ((Paragraph) b).text())
                .findFirst().orElse(null);
    }

    List<Block> blocks() {
        return blocks;
    }

    private static boolean looksLikeTitle(String line) {
        return (line.contains("报告") || line.contains("報告")) && line.length() <= 80 && !PROSE.matcher(line).find()
                && !NOT_TITLE.matcher(line).find();
    }

    /**
     * The paragraph set as the table: of those after the first (which often carries the year the
     * report covers), the one with the most clauses holding figures, the first of equals; -1 when no
     * paragraph has two clauses.
     */
    static int tableParagraph(List<String> body) {
        int best = -1, bestScore = -1;
        for (int i = Math.min(1, body.size() - 1); i < body.size(); i++) {
            List<String> clauses = clauses(body.get(i));
            if (clauses.size() < 2) continue;
            int withFigures = (int) clauses.stream().filter(c -> DIGIT.matcher(c).find()).count();
            if (withFigures > bestScore) {
                best = i;
                bestScore = withFigures;
            }
        }
        return best;
    }

    /** A paragraph's clauses, each with the punctuation that ends it. */
    static List<String> clauses(String paragraph) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE_END.matcher(paragraph);
        int start = 0;
        while (m.find()) {
            if (!paragraph.substring(start, m.end()).isBlank()) out.add(paragraph.substring(start, m.end()).strip());
            start = m.end();
        }
        if (!paragraph.substring(start).isBlank()) out.add(paragraph.substring(start).strip());
        return out;
    }

    /** The clauses two to a row, in reading order; an odd one out leaves its row's second cell empty. */
    private static List<List<String>> rows(List<String> clauses) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i += 2) {
            rows.add(List.of(clauses.get(i), i + 1 < clauses.size() ? clauses.get(i + 1) : ""));
        }
        return rows;
    }

    /** The document as Flat ODF (one XML file), UTF-8. */
    public byte[] flatOdt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("office:document");
            for (String[] ns : NAMESPACES) w.writeNamespace(ns[0], ns[1]);
            w.writeAttribute("office:version", "1.3");
            w.writeAttribute("office:mimetype", "application/vnd.oasis.opendocument.text");
            fontFaces(w);
            styles(w);
            automaticStyles(w);
            masterStyles(w);
            w.writeStartElement("office:body");
            w.writeStartElement("office:text");
            for (Block b : blocks) {
                if (b instanceof Paragraph p) paragraph(w, p.style().odfName, p.text());
                else table(w, (Table) b);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OpenDocument XML", e);
        }
        return bytes.toByteArray();
    }

    private static final String[][] NAMESPACES = {
        {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
        {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
        {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
        {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
        {"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    };

    private static void fontFaces(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("office:font-face-decls");
        for (String[] face : new String[][] {{LATIN_FONT, "roman"}, {CJK_FONT, "system"}}) {
            empty(w, "style:font-face", "style:name", face[0], "svg:font-family", "'" + face[0] + "'",
                    "style:font-family-generic", face[1]);
        }
        w.writeEndElement();
    }

    /** The paragraph styles: the western font and size for digits and Latin letters, the Asian ones for Han. */
    private static void styles(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("office:styles");
        w.writeStartElement("style:default-style");
        w.writeAttribute("style:family", "paragraph");
        // LibreOffice 7.4 leaves a punctuation mark it hangs into the margin out of the PDF (the mark is
        // neither drawn nor in the text), so punctuation wraps as Word's does.
        empty(w, "style:paragraph-properties", "style:punctuation-wrap", "simple");
        empty(w, "style:text-properties", "style:font-name", LATIN_FONT, "style:font-name-asian", CJK_FONT,
                "fo:font-size", "16pt", "style:font-size-asian", "16pt", "fo:language", "en", "fo:country", "US",
                "style:language-asian", "zh", "style:country-asian", "CN");
        w.writeEndElement();
        paragraphStyle(w, "Plain", "16pt", false, "fo:text-align", "start");
        paragraphStyle(w, "ReportTitle", "22pt", true, "fo:text-align", "center", "fo:margin-bottom", "16pt");
        paragraphStyle(w, "Body", "16pt", false, "fo:text-align", "justify", "fo:text-indent", "32pt", "fo:line-height", "28pt");
        paragraphStyle(w, "Cell", "14pt", false, "fo:text-align", "start");
        paragraphStyle(w, "Signature", "16pt", false, "fo:text-align", "end", "fo:margin-right", "56pt", "fo:line-height", "28pt");
        paragraphStyle(w, "RunningHeader", "10.5pt", false, "fo:text-align", "center",
                "fo:border-bottom", "0.5pt solid #000000", "fo:padding-bottom", "2pt");
        paragraphStyle(w, "PageNumber", "14pt", false, "fo:text-align", "center");
        w.writeEndElement();
    }

    private static void paragraphStyle(XMLStreamWriter w, String name, String size, boolean bold, String... paragraph)
            throws XMLStreamException {
        w.writeStartElement("style:style");
        w.writeAttribute("style:name", name);
        w.writeAttribute("style:family", "paragraph");
        empty(w, "style:paragraph-properties", paragraph);
        empty(w, "style:text-properties", "fo:font-size", size, "style:font-size-asian", size);
        if (bold) {
            w.writeAttribute("fo:font-weight", "bold");
            w.writeAttribute("style:font-weight-asian", "bold");
        }
        w.writeEndElement();
    }

    /** An element without content, its attributes given as name, value, name, value … */
    private static void empty(XMLStreamWriter w, String element, String... attributes) throws XMLStreamException {
        w.writeEmptyElement(element);
        for (int i = 0; i < attributes.length; i += 2) w.writeAttribute(attributes[i], attributes[i + 1]);
    }

    /** A4 with an official document's margins; the table's and its bordered cells' styles. */
    private static void automaticStyles(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("office:automatic-styles");
        w.writeStartElement("style:page-layout");
        w.writeAttribute("style:name", "A4");
        empty(w, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm",
                "fo:margin-top", "2.5cm", "fo:margin-bottom", "2.2cm", "fo:margin-left", "2.8cm", "fo:margin-right", "2.6cm");
        w.writeStartElement("style:header-style");
        empty(w, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-bottom", "0.6cm");
        w.writeEndElement();
        w.writeStartElement("style:footer-style");
        empty(w, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-top", "0.6cm");
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("style:style");
        w.writeAttribute("style:name", "FigureTable");
        w.writeAttribute("style:family", "table");
        empty(w, "style:table-properties", "style:width", "15.6cm", "table:align", "margins",
                "fo:margin-top", "6pt", "fo:margin-bottom", "6pt");
        w.writeEndElement();
        w.writeStartElement("style:style");
        w.writeAttribute("style:name", "BorderedCell");
        w.writeAttribute("style:family", "table-cell");
        empty(w, "style:table-cell-properties", "fo:border", "0.5pt solid #000000", "fo:padding", "0.1cm");
        w.writeEndElement();
        w.writeEndElement();
    }

    private void masterStyles(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("office:master-styles");
        w.writeStartElement("style:master-page");
        w.writeAttribute("style:name", "Standard");
        w.writeAttribute("style:page-layout-name", "A4");
        w.writeStartElement("style:header");
        paragraph(w, "RunningHeader", runningHeader);
        w.writeEndElement();
        w.writeStartElement("style:footer");
        w.writeStartElement("text:p");
        w.writeAttribute("text:style-name", "PageNumber");
        if (footer == Footer.DASHES) {
            w.writeCharacters("— ");
            field(w, "text:page-number", true);
            w.writeCharacters(" —");
        } else {
            w.writeCharacters("第 ");
            field(w, "text:page-number", true);
            w.writeCharacters(" 页 共 ");
            field(w, "text:page-count", false);
            w.writeCharacters(" 页");
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void field(XMLStreamWriter w, String name, boolean current) throws XMLStreamException {
        w.writeStartElement(name);
        if (current) w.writeAttribute("text:select-page", "current");
        w.writeCharacters("1");
        w.writeEndElement();
    }

    private static void table(XMLStreamWriter w, Table t) throws XMLStreamException {
        w.writeStartElement("table:table");
        w.writeAttribute("table:name", "Figures");
        w.writeAttribute("table:style-name", "FigureTable");
        w.writeEmptyElement("table:table-column");
        w.writeAttribute("table:number-columns-repeated", String.valueOf(t.rows().get(0).size()));
        for (List<String> row : t.rows()) {
            w.writeStartElement("table:table-row");
            for (String cell : row) {
                w.writeStartElement("table:table-cell");
                w.writeAttribute("table:style-name", "BorderedCell");
                w.writeAttribute("office:value-type", "string");
                paragraph(w, "Cell", cell);
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /**
     * A paragraph of text. ODF collapses runs of spaces, so every space after the first of a run is
     * written as {@code <text:s/>}, and tabs as {@code <text:tab/>}; characters XML cannot hold are left out.
     */
    private static void paragraph(XMLStreamWriter w, String style, String text) throws XMLStreamException {
        w.writeStartElement("text:p");
        w.writeAttribute("text:style-name", style);
        String clean = XML_ILLEGAL.matcher(text).replaceAll("");
        StringBuilder run = new StringBuilder();
        int spaces = 0;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == ' ' && (i == 0 || clean.charAt(i - 1) == ' ')) {
                spaces++;
                continue;
            }
            if (spaces > 0) {
                flush(w, run);
                w.writeEmptyElement("text:s");
                if (spaces > 1) w.writeAttribute("text:c", String.valueOf(spaces));
                spaces = 0;
            }
            if (c == '\t') {
                flush(w, run);
                w.writeEmptyElement("text:tab");
            } else {
                run.append(c);
            }
        }
        flush(w, run);
        if (spaces > 0) {
            w.writeEmptyElement("text:s");
            if (spaces > 1) w.writeAttribute("text:c", String.valueOf(spaces));
        }
        w.writeEndElement();
    }

    private static void flush(XMLStreamWriter w, StringBuilder run) throws XMLStreamException {
        if (run.length() > 0) w.writeCharacters(run.toString());
        run.setLength(0);
    }

    @Override
    public String toString() {
        return new String(flatOdt(), StandardCharsets.UTF_8);
    }
}
