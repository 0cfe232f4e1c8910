package org.w3id.fazhi.query;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.shared.PrefixMapping;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a result is written.
 * <ul>
 *   <li>{@code table}: aligned text for a terminal; Chinese characters count two columns; long cells are cut with …;</li>
 *   <li>{@code csv}, {@code tsv}, {@code json}: the W3C SPARQL 1.1 results formats (Jena's writers), for spreadsheets and scripts;</li>
 *   <li>{@code md}: a Markdown table.</li>
 * </ul>
 */
public enum ResultFormat {
    TABLE("text/plain"), CSV("text/csv"), TSV("text/tab-separated-values"),
    JSON("application/sparql-results+json"), MD("text/markdown");

    /** Widest a table cell is drawn, in terminal columns. */
    public static final int MAX_CELL_WIDTH = 60;

    private final String mediaType;

    ResultFormat(String mediaType) { this.mediaType = mediaType; }

    public String mediaType() { return mediaType; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The format called {@code s} (case-insensitive); an unknown one is an error that lists the valid ones. */
    public static ResultFormat of(String s) {
        for (ResultFormat f : values()) if (f.id().equalsIgnoreCase(s.strip())) return f;
        throw new QueryException("unknown format '" + s + "'; valid: table, csv, tsv, json, md");
    }

    /** Writes {@code result} to {@code out} (UTF-8). */
    public void write(QueryResult result, OutputStream out) {
        switch (this) {
            case CSV -> ResultSetFormatter.outputAsCSV(out, result.resultSet());
            case TSV -> ResultSetFormatter.outputAsTSV(out, result.resultSet());
            case JSON -> ResultSetFormatter.outputAsJSON(out, result.resultSet());
            case TABLE, MD -> {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                w.print(this == TABLE ? table(result.vars(), result.table()) : markdown(result.vars(), result.table()));
                w.flush();
            }
        }
    }

    /** The result as a string in this format. */
    public String toString(QueryResult result) {
        var out = new java.io.ByteArrayOutputStream();
        write(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- for people

    /** A node as people read it: a literal's text, an IRI with a known prefix shortened, "" when unbound. */
    public static String display(Node n, PrefixMapping prefixes) {
        if (n == null) return "";
        if (n.isLiteral()) {
            // A store may give decimals in canonical form (233.0); people read 233.
            if (XSDDatatype.XSDdecimal.getURI().equals(n.getLiteralDatatypeURI())) {
                try {
                    BigDecimal d = new BigDecimal(n.getLiteralLexicalForm()).stripTrailingZeros();
                    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
                } catch (NumberFormatException e) {
                    return n.getLiteralLexicalForm();
                }
            }
            return n.getLiteralLexicalForm();
        }
        if (n.isURI()) {
            String s = prefixes == null ? null : prefixes.qnameFor(n.getURI());
            return s != null ? s : n.getURI();
        }
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return n.toString();
    }

    /** An aligned text table with a header rule; cells are cut at {@link #MAX_CELL_WIDTH} columns. */
    public static String table(List<String> vars, List<List<String>> rows) {
        int[] width = new int[vars.size()];
        List<List<String>> cells = new ArrayList<>();
        List<String> head = new ArrayList<>();
        for (int c = 0; c < vars.size(); c++) {
            head.add(cut(vars.get(c)));
            width[c] = displayWidth(head.get(c));
        }
        for (List<String> row : rows) {
            List<String> r = new ArrayList<>();
            for (int c = 0; c < vars.size(); c++) {
                String s = cut(oneLine(row.get(c)));
                r.add(s);
                width[c] = Math.max(width[c], displayWidth(s));
            }
            cells.add(r);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, width);
        for (int c = 0; c < width.length; c++) {
            sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (List<String> r : cells) line(sb, r, width);
        sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(")\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) l.append("  ");
            l.append(cells.get(c)).append(" ".repeat(width[c] - displayWidth(cells.get(c))));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** A Markdown (GFM) table; {@code |} is escaped and line breaks become spaces. */
    public static String markdown(List<String> vars, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("|");
        for (String v : vars) sb.append(' ').append(mdCell(v)).append(" |");
        sb.append("\n|");
        for (int i = 0; i < vars.size(); i++) sb.append(" --- |");
        sb.append('\n');
        for (List<String> row : rows) {
            sb.append('|');
            for (String cell : row) sb.append(' ').append(mdCell(cell)).append(" |");
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String mdCell(String s) {
        return oneLine(s).replace("\\", "\\\\").replace("|", "\\|");
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static String cut(String s) {
        if (displayWidth(s) <= MAX_CELL_WIDTH) return s;
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = charWidth(cp);
            if (w + cw > MAX_CELL_WIDTH - 1) break;
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** Columns {@code s} takes on a terminal: East Asian wide and fullwidth characters take two. */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += charWidth(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** 2 for East Asian Wide (W) and Fullwidth (F) characters, 0 for combining marks and controls, else 1. */
    public static int charWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.CONTROL) return 0;
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x20000 && cp <= 0x3FFFD)) return 2;
        return 1;
    }
}
