package org.w3id.fazhi.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))}: the excel dialect
 * (quotechar ", doubled quotes, strict=False) over a file read with universal newlines. Cells a
 * short row lacks map to null (restval=None); a missing file gives no rows.
 */
final class Tsv {
    private Tsv() {}

    private enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL }

    private static final int EOL = -2;

    static List<Map<String, String>> readDicts(Path path) throws IOException {
        if (!Files.exists(path)) return List.of();
        List<List<String>> rows = parse(Files.readString(path, StandardCharsets.UTF_8));
        List<Map<String, String>> out = new ArrayList<>();
        if (rows.isEmpty()) return out;
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.isEmpty()) continue; // DictReader skips blank rows
            Map<String, String> d = new HashMap<>();
            for (int i = 0; i < header.size(); i++) d.put(header.get(i), i < row.size() ? row.get(i) : null);
            out.add(d);
        }
        return out;
    }

    /** The rows csv.reader yields, blank ones included as empty lists. */
    static List<List<String>> parse(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n'); // open() without newline=''
        List<List<String>> rows = new ArrayList<>();
        Parser p = new Parser();
        for (int pos = 0; pos < text.length(); ) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl + 1;
            for (int i = pos; i < end; i++) p.process(text.charAt(i));
            p.process(EOL);
            pos = end;
            if (p.state == State.START_RECORD) rows.add(p.takeRow());
        }
        if (p.field.length() > 0 || p.state == State.IN_QUOTED_FIELD) { // end of data inside a record
            p.saveField();
            rows.add(p.takeRow());
        }
        return rows;
    }

    /** parse_process_char from CPython's Modules/_csv.c, for the dialect above. */
    private static final class Parser {
        State state = State.START_RECORD;
        StringBuilder field = new StringBuilder();
        List<String> fields = new ArrayList<>();

        void saveField() { fields.add(field.toString()); field.setLength(0); }

        List<String> takeRow() { List<String> r = fields; fields = new ArrayList<>(); return r; }

        private void endLine(int c) { saveField(); state = c == EOL ? State.START_RECORD : State.EAT_CRNL; }

        void process(int c) {
            boolean newline = c == '\n' || c == '\r' || c == EOL;
            switch (state) {
                case START_RECORD:
                    if (c == EOL) break;
                    if (c == '\n' || c == '\r') { state = State.EAT_CRNL; break; }
                    state = State.START_FIELD;
                    // fall through
                case START_FIELD:
                    if (newline) endLine(c);
                    else if (c == '"') state = State.IN_QUOTED_FIELD;
                    else if (c == '\t') saveField();
                    else { field.append((char) c); state = State.IN_FIELD; }
                    break;
                case IN_FIELD:
                    if (newline) endLine(c);
                    else if (c == '\t') { saveField(); state = State.START_FIELD; }
                    else field.append((char) c);
                    break;
                case IN_QUOTED_FIELD:
                    if (c == '"') state = State.QUOTE_IN_QUOTED_FIELD;
                    else if (c != EOL) field.append((char) c);
                    break;
                case QUOTE_IN_QUOTED_FIELD:
                    if (c == '"') { field.append('"'); state = State.IN_QUOTED_FIELD; }
                    else if (c == '\t') { saveField(); state = State.START_FIELD; }
                    else if (newline) endLine(c);
                    else { field.append((char) c); state = State.IN_FIELD; } // strict=False
                    break;
                case EAT_CRNL: // only the end of the line can follow: newlines were translated to \n
                    if (c == EOL) state = State.START_RECORD;
                    break;
            }
        }
    }
}
