package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.TextView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The signature of an official document (落款, GB/T 9704): the issuing bodies, each on a line of
 * its own or side by side, over the date it was signed, in Arabic or Chinese numerals:
 *
 * <pre>
 * 中共武定县委  武定县人民政府
 * 二〇二三年一月二十日
 * </pre>
 *
 * A report saved as text, PDF or Word has no page header: its signature is where its issuer and
 * date are. It stands at the end of the text, or closes a cover letter (报送函) before the report
 * itself. Offsets are in the text the signature was read from.
 *
 * @param issuers the bodies, in the order signed; empty when a date stands alone at the end
 * @param date    the date signed
 * @param start   where the block starts (its first issuer, or the date)
 * @param end     where it ends (the end of the date)
 */
public record Signature(List<Issuer> issuers, LocalDate date, int start, int end) {

    public Signature {
        issuers = List.copyOf(issuers);
    }

    /** The issuers' names, as one publisher: 中共武定县委、武定县人民政府. */
    public String publisher() {
        return issuers.isEmpty() ? null : String.join("、", issuers.stream().map(Issuer::name).toList());
    }

    /** Lines after a signature that do not end the document's text: attachments, distribution, notes. */
    private static final Pattern TAIL = Pattern.compile(
            "^[(（]?(此件|本件|附件|抄送|抄报|印发|联系人|联系电话|电话|（?此页无正文|[-—－]\\s*\\d+\\s*[-—－]$)");
    /** How far from the end a signature with no issuer above its date may stand, in lines. */
    private static final int LAST_LINES = 3;
    /** At most this many issuer lines above a date. */
    private static final int MAX_ISSUER_LINES = 4;

    /**
     * The document's signature: the last issuer-over-date block of the text, or a date alone on
     * one of its last lines; null when there is none.
     *
     * @param view the text, one paragraph a line: read in its normalised form, names taken as printed
     */
    static Signature read(TextView view) {
        String text = view.text();
        List<int[]> lines = lines(text);
        // The last lines that are not the tail (附件, 抄送 …): where a closing signature ends.
        int last = lines.size() - 1;
        while (last >= 0 && TAIL.matcher(line(text, lines.get(last))).find()) last--;
        Signature best = null;
        for (int i = 0; i < lines.size(); i++) {
            int[] l = lines.get(i);
            String line = line(text, l);
            if (line.length() > 60) continue;
            Signature s = block(view, lines, i);
            if (s == null) continue;
            boolean closing = i >= last - LAST_LINES + 1 && i <= last;
            if (!s.issuers().isEmpty() || closing) best = s;
        }
        return best;
    }

    /** The block whose date line is line {@code i}: the date, on its own or after the issuers, and the issuer lines above it. */
    private static Signature block(TextView view, List<int[]> lines, int i) {
        String text = view.text();
        int[] l = lines.get(i);
        String line = line(text, l);
        List<Issuer> issuers = new ArrayList<>();
        DateText.Found date = DateText.wholeLine(line);
        if (date == null) {
            // 武定县人民政府  2023年1月20日: issuers and date on one line.
            List<DateText.Found> found = DateText.find(line);
            if (found.isEmpty()) return null;
            DateText.Found f = found.get(found.size() - 1);
            if (!line.substring(f.end()).isBlank()) return null;
            List<Issuer> same = names(view, line.substring(0, f.start()), l[0]);
            if (same.isEmpty()) return null;
            issuers.addAll(same);
            date = f;
        }
        int start = l[0] + date.start();
        for (int j = i - 1; j >= 0 && j >= i - MAX_ISSUER_LINES; j--) {
            int[] above = lines.get(j);
            List<Issuer> names = names(view, line(text, above), above[0]);
            if (names.isEmpty()) break;
            issuers.addAll(0, names);
        }
        if (!issuers.isEmpty()) start = Math.min(start, issuers.get(0).start());
        return new Signature(issuers, date.date(), start, l[0] + date.end());
    }

    /** The bodies a line names, side by side (中共南昌县委 南昌县人民政府); empty when it is anything else. */
    private static List<Issuer> names(TextView view, String line, int offset) {
        List<Issuer> out = new ArrayList<>();
        int i = 0;
        // Parts are set apart by spaces, a full-width space or 、; where the parts are no names,
        // single spaces are letter-spacing inside one name (南 昌 县 人 民 政 府).
        String[] parts = line.strip().split("[\\s\u3000、]+");
        boolean spaced = parts.length > 1 && java.util.Arrays.stream(parts).allMatch(Issuer::isName);
        for (String part : spaced ? parts : new String[] {line.strip()}) {
            int at = line.indexOf(part, i);
            i = at + part.length();
            if (!Issuer.isName(part)) return List.of();
            int s = offset + at, e = offset + at + part.length();
            String name = view.quote(s, e).replaceAll("\\s+", "");
            out.add(new Issuer(name, Issuer.kindOf(part), s, e));
        }
        return out;
    }

    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (!text.substring(start, i).isBlank()) out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return out;
    }

    private static String line(String text, int[] l) { return text.substring(l[0], l[1]); }
}
