package org.w3id.fazhi.source;

/**
 * Why a published document could not be read, in the words the summary line counts it by. The kinds
 * that ask for a person (someone must OCR a scan, find the password, accept the changes) are told
 * apart from the rest so a run over a folder says how many reports each cause left out.
 */
public enum ProblemKind {
    /** A PDF without a text layer: pages of images only. */
    SCANNED("scanned"),
    /** A PDF or Word file that needs a password to open. */
    ENCRYPTED("encrypted"),
    /** Bytes that do not make the document their name, content type or first bytes announce. */
    CORRUPT("corrupt"),
    /** A Word file whose revisions were never accepted: which text was published is not known. */
    TRACKED_CHANGES("tracked changes"),
    /** Anything else: missing file, too large, undecodable text, a failed download. */
    OTHER("other");

    private final String label;

    ProblemKind(String label) {
        this.label = label;
    }

    /** How the summary line names the kind: "scanned", "tracked changes". */
    public String label() {
        return label;
    }
}
