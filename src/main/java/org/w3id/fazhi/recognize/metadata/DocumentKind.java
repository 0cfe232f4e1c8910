package org.w3id.fazhi.recognize.metadata;

import java.util.regex.Pattern;

/**
 * Which kind of document a report is. A county can publish, for one year, its government's annual
 * report, its leaders' report on the duty of first responsibility for the rule of law
 * (党政主要负责人履行推进法治建设第一责任人职责情况报告, 述法报告) and reports of its departments:
 * three documents that must not take each other's place.
 */
public enum DocumentKind {
    GOVERNMENT, LEADER, DEPARTMENT;

    /** The words only a leader's report on the first-responsibility duty has in its title or opening. */
    private static final Pattern LEADER_WORDS = Pattern.compile("第一责任人|述法报告|述法情况|述职述法");

    /** How much of the opening to read when the report has no title: its title line, if any, stands there. */
    private static final int OPENING = 120;

    public static DocumentKind of(ReportMetadata meta, String text) {
        if (meta.documentKind() != null) {
            for (DocumentKind k : values()) if (k.name().equalsIgnoreCase(meta.documentKind())) return k;
        }
        if ("department".equals(meta.level()) || meta.department() != null) return DEPARTMENT;
        String head = meta.title() != null ? meta.title() : text.substring(0, Math.min(OPENING, text.length()));
        return LEADER_WORDS.matcher(head).find() ? LEADER : GOVERNMENT;
    }
}
