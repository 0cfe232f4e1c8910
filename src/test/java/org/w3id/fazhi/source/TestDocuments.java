package org.w3id.fazhi.source;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

/**
 * Builds the PDF and Word documents the tests read, from text: nothing binary is committed. A PDF is
 * set as Chinese official documents are (A4, a 2-character first-line indent, lines broken between
 * characters but never inside a Latin word or a number), with a running header and a page number on
 * every page, so that their removal and the joining of paragraphs across lines and pages are tested.
 */
public final class TestDocuments {
    /** The CJK font .ci/run installs (Debian's fonts-wqy-zenhei); PDFBox embeds a subset of it. */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    /** How the page number is printed at the foot of each page. */
    public enum PageNumbers { DASHES, OF_TOTAL }

    private static final float MARGIN = 72, SIZE = 12, PITCH = 20, INDENT = 2 * SIZE;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.%\\-]+|\\s|.", Pattern.DOTALL);

    private TestDocuments() {}

    /** A PDF of the lines, one paragraph each, with document properties when given. */
    public static byte[] pdf(List<String> lines, String header, PageNumbers numbers, String title, Calendar created)
            throws IOException {
        try (TrueTypeCollection collection = new TrueTypeCollection(font().toFile()); PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = firstFont(collection);
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            List<List<String>> pages = paginate(lines, font);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                float top = page.getMediaBox().getHeight();
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    show(out, font, 9, MARGIN, top - 40, header);
                    String number = numbers == PageNumbers.DASHES ? "- " + (p + 1) + " -"
                            : "第 " + (p + 1) + " 页 共 " + pages.size() + " 页";
                    show(out, font, 9, page.getMediaBox().getWidth() / 2 - 20, 36, number);
                    float y = top - MARGIN - SIZE;
                    for (String line : pages.get(p)) {
                        boolean indented = line.startsWith("\t");
                        show(out, font, SIZE, MARGIN + (indented ? INDENT : 0), y, line.strip());
                        y -= PITCH;
                    }
                }
            }
            if (title != null) doc.getDocumentInformation().setTitle(title);
            if (created != null) doc.getDocumentInformation().setCreationDate(created);
            return save(doc);
        }
    }

    /** A PDF of one page that only shows an image, as a scanner makes. */
    public static byte[] scannedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) for (int y = 0; y < 280; y++) scan.setRGB(x, y, (x * y) % 7 == 0 ? 0 : 0xFFFFFF);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.drawImage(image, 50, 50, 495, 742);
            }
            return save(doc);
        }
    }

    /**
     * An encrypted PDF: with a user password it cannot be opened without it; with an empty one it
     * opens, only its permissions (here: no copying of text) are restricted.
     */
    public static byte[] encryptedPdf(List<String> lines, String userPassword) throws IOException {
        try (TrueTypeCollection collection = new TrueTypeCollection(font().toFile());
             PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, firstFont(collection), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                show(out, font, SIZE, MARGIN, 700, lines.get(0));
            }
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    /**
     * A .docx of the lines: numbered headings in heading styles, the rest as paragraphs, a header and
     * a footer with the page number; with one tracked insertion when asked.
     */
    public static byte[] docx(List<String> lines, String header, String title, Date created, boolean trackedChange)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFHeader h = doc.createHeader(HeaderFooterType.DEFAULT);
            h.createParagraph().createRun().setText(header);
            XWPFFooter f = doc.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph footer = f.createParagraph();
            footer.createRun().setText("- ");
            footer.getCTP().addNewFldSimple().setInstr("PAGE");
            footer.createRun().setText(" -");
            for (String line : lines) {
                XWPFParagraph p = doc.createParagraph();
                if (line.matches("^[一二三四五六七八九十]+、.*")) p.setStyle("Heading1");
                else if (line.matches("^[（(][一二三四五六七八九十]+[)）].*")) p.setStyle("Heading2");
                else p.setIndentationFirstLine(480);
                p.createRun().setText(line);
            }
            if (trackedChange) {
                XWPFParagraph p = doc.createParagraph();
                p.createRun().setText("全年办理行政复议案件");
                CTRunTrackChange ins = p.getCTP().addNewIns();
                ins.setId(java.math.BigInteger.ONE);
                ins.setAuthor("审核人");
                ins.addNewR().addNewT().setStringValue("二十");
                p.createRun().setText("件。");
            }
            if (title != null) doc.getProperties().getCoreProperties().setTitle(title);
            if (created != null) doc.getProperties().getCoreProperties().setCreated(Optional.of(created));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A Word 97–2003 .doc of the lines, one paragraph each. POI cannot create one, so the file is
     * built here from [MS-DOC]: an OLE2 file holding a WordDocument stream (the File Information
     * Block, then the text in UTF-16) and a 1Table stream (an empty style sheet and font table, the
     * document properties, and a piece table of one piece). Word's paragraph and character
     * properties are left out, as the readers rebuild paragraphs from the paragraph marks; one run
     * of default character properties covers the text, or, with a tracked change, two runs, the
     * last paragraph marked as an insertion (sprmCFRMarkIns).
     */
    public static byte[] doc(List<String> lines, boolean trackedChange) throws IOException {
        String text = String.join("\r", lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList()) + "\r";
        byte[] utf16 = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        int textOffset = 1024, textEnd = textOffset + utf16.length;
        int chpxPage = (textEnd + 511) / 512;          // a character-property page, on a 512-byte boundary
        java.nio.ByteBuffer word = java.nio.ByteBuffer.allocate(chpxPage * 512 + 512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        word.putShort(0x00, (short) 0xA5EC);          // wIdent
        word.putShort(0x02, (short) 0x00C1);          // nFib: Word 97
        word.putShort(0x06, (short) 0x0804);          // lid: Chinese (PRC)
        word.putShort(0x0A, (short) 0x1200);          // fWhichTblStm (1Table), fExtChar
        word.putShort(0x0C, (short) 0x00BF);          // nFibBack
        word.putShort(0x20, (short) 14);              // csw
        word.putShort(0x3E, (short) 22);              // cslw
        word.putInt(0x40, word.capacity());           // cbMac
        word.putInt(0x4C, text.length());             // ccpText
        word.putShort(0x98, (short) 0x5D);            // cbRgFcLcb: 93 pairs
        int pairs = 0x9A;
        int stshf = 0, fonts = 32, clx = 64, chpx = 96, dop = 128, dopLength = 544;
        putPair(word, pairs, 1, stshf, 20);           // fcStshf
        putPair(word, pairs, 12, chpx, 12);           // fcPlcfBteChpx
        putPair(word, pairs, 15, fonts, 4);           // fcSttbfFfn
        putPair(word, pairs, 31, dop, dopLength);     // fcDop
        putPair(word, pairs, 33, clx, 21);            // fcClx
        word.position(textOffset);
        word.put(utf16);
        int fkp = chpxPage * 512;                     // the character runs' FCs, their CHPX offsets, their count
        if (trackedChange) {
            int inserted = textEnd - 2 * (lines.get(lines.size() - 1).strip().length() + 1);
            word.putInt(fkp, textOffset);
            word.putInt(fkp + 4, inserted);
            word.putInt(fkp + 8, textEnd);
            word.put(fkp + 12, (byte) 0);
            word.put(fkp + 13, (byte) (500 / 2));
            word.put(fkp + 500, new byte[] {3, 0x01, 0x08, 1}); // cb, sprmCFRMarkIns = 1
            word.put(fkp + 511, (byte) 2);
        } else {
            word.putInt(fkp, textOffset);
            word.putInt(fkp + 4, textEnd);
            word.put(fkp + 8, (byte) 0);
            word.put(fkp + 511, (byte) 1);
        }

        java.nio.ByteBuffer table = java.nio.ByteBuffer.allocate(dop + dopLength).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        table.putShort(stshf, (short) 18);            // cbStshi, then a Stshif of no styles
        table.putInt(chpx, textOffset);               // PlcBteChpx: the text's bytes are on page chpxPage
        table.putInt(chpx + 4, textEnd);
        table.putInt(chpx + 8, chpxPage);
        table.put(clx, (byte) 0x02);                  // Pcdt
        table.putInt(clx + 1, 16);                    // lcb of the PlcPcd
        table.putInt(clx + 5, 0);                     // CP of the piece
        table.putInt(clx + 9, text.length());         // CP at its end
        table.putShort(clx + 13, (short) 0);          // Pcd flags
        table.putInt(clx + 15, textOffset);           // fc: bit 30 clear, so UTF-16 at this offset
        table.putShort(clx + 19, (short) 0);          // prm

        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(word.array()), "WordDocument");
            fs.createDocument(new java.io.ByteArrayInputStream(table.array()), "1Table");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void putPair(java.nio.ByteBuffer fib, int start, int index, int fc, int lcb) {
        fib.putInt(start + index * 8, fc);
        fib.putInt(start + index * 8 + 4, lcb);
    }

    /** A .docx encrypted with a password (Office's agile encryption: an OLE2 file holding the package). */
    public static byte[] encryptedDocx(List<String> lines) throws Exception {
        byte[] plain = docx(lines, "页眉", null, null, false);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The CJK font, or a failure that says how to install it. */
    public static Path font() {
        if (!Files.isRegularFile(CJK_FONT)) {
            fail("no CJK font at " + CJK_FONT + ": the PDF tests set Chinese text in it; "
                    + "install it with `apt-get install fonts-wqy-zenhei` (.ci/run does)");
        }
        return CJK_FONT;
    }

    private static TrueTypeFont firstFont(TrueTypeCollection collection) throws IOException {
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(ttf -> {
            if (first[0] == null) first[0] = ttf;
        });
        return first[0];
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /**
     * Shows a line, each character in the CJK font or, for the few it lacks (•), in Helvetica, as
     * word processors fall back to another font.
     */
    private static void show(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) return;
        out.beginText();
        out.newLineAtOffset(x, y);
        int i = 0;
        while (i < text.length()) {
            boolean cjk = hasGlyph(font, text.codePointAt(i));
            int j = i;
            while (j < text.length() && hasGlyph(font, text.codePointAt(j)) == cjk) j += Character.charCount(text.codePointAt(j));
            out.setFont(cjk ? font : FALLBACK, size);
            out.showText(text.substring(i, j));
            i = j;
        }
        out.endText();
    }

    private static final PDType1Font FALLBACK = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private static boolean hasGlyph(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static float width(PDType0Font font, String text) throws IOException {
        float w = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            String c = new String(Character.toChars(text.codePointAt(i)));
            w += (hasGlyph(font, c.codePointAt(0)) ? font.getStringWidth(c) : FALLBACK.getStringWidth(c)) / 1000 * SIZE;
        }
        return w;
    }

    /**
     * The printed lines of each page. A line that starts a paragraph begins with a tab (indented);
     * every paragraph's first line is indented, as GB/T 9704 sets official documents.
     */
    private static List<List<String>> paginate(List<String> paragraphs, PDType0Font font) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / PITCH);
        List<String> printed = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String text = paragraph.strip();
            if (text.isEmpty()) continue;
            StringBuilder line = new StringBuilder("\t");
            float available = width - INDENT;
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                String token = m.group();
                float w = width(font, token);
                float used = width(font, line.toString().replace("\t", ""));
                if (used + w > available && line.toString().strip().length() > 0) {
                    printed.add(line.toString());
                    line = new StringBuilder();
                    available = width;
                    if (token.isBlank()) continue; // a space at a break is not printed
                }
                line.append(token);
            }
            if (!line.toString().strip().isEmpty()) printed.add(line.toString());
        }
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < printed.size(); i += perPage) {
            pages.add(printed.subList(i, Math.min(printed.size(), i + perPage)));
        }
        return pages;
    }
}
