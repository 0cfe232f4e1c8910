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
            if (hit.values().isEmpty()) continue; // a word that only holds a label (上述法律)
            if (scheme.guarded(unquoted(hit.label())) && !speaksOfLaw(t, start, end)) continue;
            if (citedDocument(t, start, end)) continue;
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

    /**
     * Words of the rule of law that let a hidden label (实地督察) stand for its program; 依法 and 法律
     * alone do not (依法开展环保专项督察).
     */
    private static final Pattern LAW = Pattern.compile("法治|依法治|依法行政|法制");
    /** Clauses that act on a document (根据《…》) … */
    private static final Pattern ACTING_ON = Pattern.compile("根据|按照|依据|依照|遵照");
    /** … and clauses that study it or hand it out (学习《…》, 发放《…》). */
    private static final Pattern STUDYING = Pattern.compile("学习|研读|研学|解读|宣讲|宣传|传达|发放|配发|赠送|征订");
    /** What a clause does with a document it cites, studies or hands out. */
    private static final Pattern CITING = Pattern.compile(ACTING_ON.pattern() + "|参照|对照|" + STUDYING.pattern());
    /**
     * A title that names the program as what it pushes forward (《…推进简政放权放管结合优化服务实施方案》,
     * 《关于全面推行行政执法三项制度的实施意见》): acting on such a plan is practising the program.
     */
    private static final Pattern CARRIES_OUT = Pattern.compile("(?:推进|推行|深化|实施|开展|落实|加快)[“\"‘']?$");
    /** The words after a name that make it a document's (…督察工作规定) where no title marks are set. */
    private static final Pattern DOCUMENT_AFTER = Pattern.compile("^\\p{IsHan}{0,4}?(?:规定|条例|办法|细则)");
    private static final String CLAUSE_BREAKS = "，,；;。:\n";

    /**
     * Whether a program named at start..end is only named inside the name of a document that the
     * clause cites, studies or hands out (根据《法治政府建设与责任落实督察工作规定》, 学习《公平竞争审查条例》):
     * that is not the program practised. A document the report says it made, issued or carried out
     * (印发《…学法制度》, 严格落实《…第一责任人职责规定》) is how it practised the program, and counts;
     * so does acting on a plan that pushes the program forward (根据《…推进简政放权放管结合优化服务实施方案》).
     */
    static boolean citedDocument(String t, int start, int end) {
        int open = -1;
        for (int i = start - 1; i >= Math.max(0, start - 100); i--) {
            char c = t.charAt(i);
            if (c == '《') {
                open = i;
                break;
            }
            if (c == '》' || c == '。' || c == '\n') break;
        }
        if (open >= 0) {
            int close = t.indexOf('》', end);
            if (close < 0 || close - end > 100 || t.substring(end, close).indexOf('《') >= 0) open = -1;
        }
        if (open < 0) {
            if (!DOCUMENT_AFTER.matcher(t).region(end, t.length()).lookingAt()) return false;
            open = start;
        }
        int clause = open;
        while (clause > 0 && CLAUSE_BREAKS.indexOf(t.charAt(clause - 1)) < 0) clause--;
        String before = t.substring(clause, open);
        if (!CITING.matcher(before).find()) return false;
        boolean planToCarryOut = open < start && CARRIES_OUT.matcher(t.substring(open + 1, start)).find();
        return !(planToCarryOut && ACTING_ON.matcher(before).find() && !STUDYING.matcher(before).find());
    }

    /** Whether the clause around start..end, the label itself left out, holds a word of the rule of law. */
    private static boolean speaksOfLaw(String t, int start, int end) {
        int from = start, to = end;
        while (from > 0 && CLAUSE_BREAKS.indexOf(t.charAt(from - 1)) < 0) from--;
        while (to < t.length() && CLAUSE_BREAKS.indexOf(t.charAt(to)) < 0) to++;
        return LAW.matcher(t.substring(from, start)).find() || LAW.matcher(t.substring(end, to)).find();
    }

    private static String unquoted(String label) {
        StringBuilder b = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            if (DictionaryAutomaton.QUOTES.indexOf(label.charAt(i)) < 0) b.append(label.charAt(i));
        }
        return b.toString();
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
