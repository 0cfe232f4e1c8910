package org.w3id.fazhi.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.xmlbeans.XmlCursor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The body of a Word report, .docx or .doc, one paragraph a line and a table's row a line, its cells
 * in order apart by a space (the paragraphs of a cell too), so a figure keeps the words of its row
 * as it does in the PDF of the same document. Headers, footers and the page numbers in them are parts of their own in
 * both formats, so they never reach the body. A document whose revisions were never accepted or
 * rejected is refused: its text holds both the old and the new words, and which were published is
 * not known.
 */
final class WordDocumentReader {
    private static final String WORDPROCESSING = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Revision marks that change the text; formatting changes (rPrChange, pPrChange) do not. */
    private static final Set<String> REVISIONS = Set.of("ins", "del", "moveFrom", "moveTo");
    /** Word's control characters: cell and row ends, line and page breaks, field marks. */
    private static final Pattern BREAKS = Pattern.compile("[\\u0007\\u000B\\u000C\\r]");
    private static final Pattern CONTROLS = Pattern.compile("[\\u0000-\\u0008\\u000E-\\u001F]");

    private WordDocumentReader() {}

    static DocumentText readDocx(String location, byte[] bytes) throws SourceException {
        return readSafely(location, "Word (.docx)", () -> {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
                if (hasRevisions(doc)) throw trackedChanges(location);
                List<String> lines = new ArrayList<>();
                for (IBodyElement element : doc.getBodyElements()) {
                    if (element instanceof XWPFParagraph p) {
                        addLines(lines, p.getText());
                    } else if (element instanceof XWPFTable t) {
                        addRows(lines, t);
                    }
                }
                POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
                return withText(location, new DocumentText(lines, DocumentText.properties(core.getTitle(), core.getCreated())));
            }
        });
    }

    static DocumentText readDoc(String location, byte[] bytes) throws SourceException {
        return readSafely(location, "Word (.doc)", () -> {
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                // An encrypted .docx is an OLE2 file too: the encrypted package sits beside its key.
                if (fs.getRoot().hasEntry("EncryptionInfo")) throw encrypted(location, null);
                if (!fs.getRoot().hasEntry("WordDocument")) {
                    throw new SourceException(location, ProblemKind.CORRUPT,
                            "an Office file that is not a Word document (no WordDocument stream; Excel or PowerPoint?)", null);
                }
                try (HWPFDocument doc = new HWPFDocument(fs)) {
                    if (hasRevisions(doc.getRange())) throw trackedChanges(location);
                    List<String> lines = new ArrayList<>();
                    Range body = doc.getRange();
                    for (int i = 0; i < body.numParagraphs(); i++) {
                        Paragraph p = body.getParagraph(i);
                        if (p.isInTable()) {
                            Table table = body.getTable(p);
                            addRows(lines, table);
                            i += Math.max(1, table.numParagraphs()) - 1;
                        } else {
                            addLines(lines, WordExtractor.stripFields(p.text()));
                        }
                    }
                    SummaryInformation info = doc.getSummaryInformation();
                    return withText(location, new DocumentText(lines, info == null ? Map.of()
                            : DocumentText.properties(info.getTitle(), info.getCreateDateTime())));
                }
            }
        });
    }

    /** A reading that may meet a damaged or locked file. */
    @FunctionalInterface
    private interface Reading {
        DocumentText read() throws SourceException, IOException;
    }

    /** Runs a reading; whatever POI throws on a bad file becomes a message of its kind, never a crash. */
    private static DocumentText readSafely(String location, String format, Reading reading) throws SourceException {
        try {
            return reading.read();
        } catch (EncryptedDocumentException e) {
            throw encrypted(location, e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(location, format, e);
        }
    }

    private static DocumentText withText(String location, DocumentText text) throws SourceException {
        if (text.paragraphs().isEmpty()) throw new SourceException(location, "Word document has no text");
        return text;
    }

    /** A paragraph may hold manual line breaks, and a cell several paragraphs: each becomes a line. */
    private static void addLines(List<String> lines, String text) {
        if (text == null) return;
        for (String line : BREAKS.matcher(text).replaceAll("\n").split("\n")) {
            String clean = CONTROLS.matcher(line).replaceAll("").replace('\u00A0', ' ').strip();
            if (!clean.isEmpty()) lines.add(clean);
        }
    }

    /** A .docx table a row a line; a table inside a cell is read into the cell's text. */
    private static void addRows(List<String> lines, XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) cells.add(cellText(cell.getBodyElements()));
            addRow(lines, cells);
        }
    }

    private static String cellText(List<IBodyElement> elements) {
        List<String> parts = new ArrayList<>();
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph p) {
                parts.add(p.getText());
            } else if (e instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) parts.add(cellText(cell.getBodyElements()));
                }
            }
        }
        return String.join("\n", parts);
    }

    /** A .doc table a row a line. */
    private static void addRows(List<String> lines, Table table) {
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) cells.add(WordExtractor.stripFields(row.getCell(c).text()));
            addRow(lines, cells);
        }
    }

    /** The cells of a row on one line, each cell's lines and paragraphs apart by a space. */
    private static void addRow(List<String> lines, List<String> cells) {
        List<String> parts = new ArrayList<>();
        for (String cell : cells) addLines(parts, cell);
        if (!parts.isEmpty()) lines.add(String.join(" ", parts));
    }

    private static boolean hasRevisions(XWPFDocument doc) {
        try (XmlCursor cursor = doc.getDocument().newCursor()) {
            while (cursor.hasNextToken()) {
                if (cursor.toNextToken().isStart()) {
                    QName name = cursor.getName();
                    if (WORDPROCESSING.equals(name.getNamespaceURI()) && REVISIONS.contains(name.getLocalPart())) return true;
                }
            }
        }
        return false;
    }

    private static boolean hasRevisions(Range range) {
        for (int i = 0; i < range.numCharacterRuns(); i++) {
            CharacterRun run = range.getCharacterRun(i);
            if (run.isMarkedDeleted() || run.isMarkedInserted()) return true;
        }
        return false;
    }

    private static SourceException trackedChanges(String location) {
        return new SourceException(location, ProblemKind.TRACKED_CHANGES,
                "Word document with tracked changes: accept or reject them and save it again, so the text is the one published", null);
    }

    private static SourceException encrypted(String location, Throwable cause) {
        return new SourceException(location, ProblemKind.ENCRYPTED,
                "encrypted Word document: it needs a password to open, so its text cannot be read", cause);
    }

    private static SourceException corrupt(String location, String format, Exception e) {
        return new SourceException(location, ProblemKind.CORRUPT,
                "corrupt " + format + " file: cannot be read (" + SourceException.briefly(e) + ")", e);
    }
}
