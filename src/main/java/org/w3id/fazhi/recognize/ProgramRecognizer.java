package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the programs of the scheme a report names, longest label first, and the quoted names
 * that look like programs but are not in the scheme yet.
 *
 * <p>Reports put names in quotation marks in the middle of a phrase (“八五”普法, 行政执法“三项制度”),
 * so labels are matched on the text with its quotation marks taken out, and each match is mapped
 * back to the original to quote it.
 */
public final class ProgramRecognizer {

    private static final Pattern QUOTED = Pattern.compile("[“\"‘「『]([^“”\"‘’「」『』\\n]{2,12})[”\"’」』]");
    private static final MatchStarts QUOTED_STARTS = new MatchStarts("“\"‘「『");
    /** The words a named program, reform or practice ends with. */
    private static final Pattern PROGRAM_LIKE = Pattern.compile(
            "(改革|制度|制|经验|工程|行动|模式|机制|清单|服务|平台|办|通|享|站|工作法|工作室|体系|计划|活动|之家|驿站|专区|热线|联盟|调解室)$");
    private static final Pattern NOT_PROGRAM = Pattern.compile("^[\\d\\p{Punct}]+$|[，,。；;:：]");

    private final ProgramScheme scheme;
    /** For a recogniser used on its own: the scheme's labels alone, made when first needed. */
    private volatile DictionaryAutomaton own;

    public ProgramRecognizer(ProgramScheme scheme) {
        this.scheme = scheme;
    }

    public List<ProgramMention> programs(TextView view, List<Section> sections) {
        DictionaryAutomaton a = own;
        if (a == null) own = a = DictionaryAutomaton.builder().programs(scheme.labels()).build();
        return programs(view, sections, a.scan(view.text()));
    }

    /**
     * The programs of a text whose dictionaries were read already: {@code labels} holds the scheme's
     * labels as found on the text without its quotation marks, each spanning its first to its last
     * character in the text.
     */
    List<ProgramMention> programs(TextView view, List<Section> sections, DictionaryAutomaton.Matches labels) {
        String t = view.text();
        List<ProgramMention> found = new ArrayList<>();
        for (LabelIndex.Hit<Program> hit : labels.programs()) {
            int start = hit.start();
            int end = hit.end();
            int labelStart = start;
            // Keep the quotation marks that belong to the name: “放管服”, “八五”普法.
            String inside = t.substring(start, end);
            boolean opensInside = inside.chars().anyMatch(c -> "“‘「『".indexOf(c) >= 0);
            boolean closesInside = inside.chars().anyMatch(c -> "”’」』".indexOf(c) >= 0);
            boolean quotedBefore = start > 0 && "“‘「『\"".indexOf(t.charAt(start - 1)) >= 0;
            boolean quotedAfter = end < t.length() && "”’」』\"".indexOf(t.charAt(end)) >= 0;
            if (quotedBefore && (closesInside || quotedAfter)) start--;
            if (quotedAfter && (opensInside || start < labelStart)) end++;
            found.add(new ProgramMention(hit.values().get(0), view.quote(start, end), new Span(start, end),
                    Section.kindAt(sections, start)));
        }
        return found;
    }

    /** Quoted names that look like programs and match no label of the scheme. */
    public List<CandidateProgram> candidates(TextView view, List<Section> sections) {
        List<CandidateProgram> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(view.text());
        for (int from = 0; QUOTED_STARTS.find(m, view.text(), from); from = m.end()) {
            String name = m.group(1);
            if (NOT_PROGRAM.matcher(name).find() || !PROGRAM_LIKE.matcher(name).find()) continue;
            // Names that start with a label of the scheme (the label itself, or 放管服改革) are in it.
            if (scheme.labels().longestAt(name, 0) != null) continue;
            out.add(new CandidateProgram(view.quote(m.start(1), m.end(1)), new Span(m.start(1), m.end(1)),
                    Section.kindAt(sections, m.start())));
        }
        return out;
    }

}
