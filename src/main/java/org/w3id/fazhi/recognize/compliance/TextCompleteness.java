package org.w3id.fazhi.recognize.compliance;

import org.w3id.fazhi.recognize.Span;
import org.w3id.fazhi.recognize.TextView;
import org.w3id.fazhi.recognize.metadata.DateText;
import org.w3id.fazhi.recognize.metadata.Issuer;

import java.util.regex.Pattern;

/**
 * Whether a report's text is whole or stops short of its end: an excerpt cut after so many bytes,
 * a page that lost its second half, a PDF whose last pages did not convert. A part missing from a
 * text that stops short may lie beyond the cut, so it is unknown, not absent.
 *
 * <p>Read from the end of the text, which a whole report closes in one of few ways: a sentence
 * (。！？ and the quotes and brackets after them), its signature (an issuing body, a date on a line
 * of its own), or a note in brackets such as (此件公开发布). Page numbers and attachment lines after
 * the last sentence are left aside. A text is taken as stopping short when
 * <ul>
 * <li>it ends in U+FFFD, the replacement of a character cut in two;</li>
 * <li>its last line ends in anything else: in the middle of a sentence, after a colon, or on a
 *     heading with nothing under it;</li>
 * <li>or (decided by {@link ComplianceAssessor}, which knows the parts) it never gets past its
 *     achievements — no shortcomings, no plans, no part on the leaders' duty — and has no signature.</li>
 * </ul>
 *
 * @param complete whether the text is taken as whole
 * @param zh       why not, in Chinese; null when whole
 * @param en       why not, in English; null when whole
 * @param where    where the text stops (its last characters), or null when whole
 */
public record TextCompleteness(boolean complete, String zh, String en, Span where) {

    /** What a whole sentence, heading note or quotation ends with. */
    private static final String CLOSING = "。.！!？?…；;」』”\"’）)】]";
    /** Lines after the last sentence that do not end the report: page numbers, attachments, notes. */
    private static final Pattern TAIL = Pattern.compile(
            "^[-—－]?\\s*\\d{1,3}\\s*[-—－]?$|^第\\s*\\d+\\s*页|^(附件|抄送|抄报|印发|联系人|联系电话|电话)");
    /** How many characters of the end the evidence quotes. */
    private static final int QUOTED_END = 12;

    static final TextCompleteness WHOLE = new TextCompleteness(true, null, null, null);

    /** The verdict on the text's ending alone. */
    static TextCompleteness ofEnding(TextView view) {
        String t = view.text();
        int end = t.length();
        while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) end--;
        if (end == 0) return new TextCompleteness(false, "正文为空", "the text is empty", null);
        if (t.charAt(end - 1) == '\uFFFD') {
            return new TextCompleteness(false, "正文以残缺字符（U+FFFD）结尾，在字符中间被截断",
                    "the text ends in U+FFFD, a character cut in two", tail(end));
        }
        // The last line that is not a page number or an attachment note.
        int lineEnd = end;
        while (lineEnd > 0) {
            int lineStart = t.lastIndexOf('\n', lineEnd - 1) + 1;
            String line = t.substring(lineStart, lineEnd).strip();
            if (!line.isEmpty() && !TAIL.matcher(line).find()) {
                return ofLastLine(line, lineStart + t.substring(lineStart, lineEnd).indexOf(line.charAt(0)), lineEnd);
            }
            lineEnd = lineStart - 1;
            while (lineEnd > 0 && Character.isWhitespace(t.charAt(lineEnd - 1))) lineEnd--;
        }
        return WHOLE;
    }

    private static TextCompleteness ofLastLine(String line, int start, int end) {
        char last = line.charAt(line.length() - 1);
        if (CLOSING.indexOf(last) >= 0) return WHOLE;
        // A signature: an issuing body, or a date on a line of its own.
        if (DateText.wholeLine(line) != null || Issuer.isName(line)) return WHOLE;
        String ending = line.substring(Math.max(0, line.length() - QUOTED_END));
        Span where = new Span(Math.max(start, end - QUOTED_END), end);
        if (last == ':' || last == '：') {
            return new TextCompleteness(false, "正文止于冒号：“" + ending + "”", "the text stops after a colon: " + ending, where);
        }
        return new TextCompleteness(false, "正文止于句中，无句末标点：“" + ending + "”",
                "the text stops mid-sentence, with no closing punctuation: " + ending, where);
    }

    /** Never gets past its achievements, and has no signature: an opening, not the whole report. */
    static TextCompleteness onlyAnOpening(TextView view) {
        String t = view.text();
        int end = t.length();
        while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) end--;
        return new TextCompleteness(false, "正文只有成效部分，既无问题、计划、主要负责人履职部分，也无落款",
                "the text never gets past its achievements: no shortcomings, plans or part on the leaders' duty, and no signature",
                tail(end));
    }

    private static Span tail(int end) {
        return new Span(Math.max(0, end - QUOTED_END), end);
    }
}
