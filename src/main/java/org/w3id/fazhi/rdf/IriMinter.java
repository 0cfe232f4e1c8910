package org.w3id.fazhi.rdf;

import org.w3id.fazhi.util.ContentHash;

import java.util.Objects;

/**
 * Mints the IRIs of the graph under a base (default {@value #DEFAULT_BASE}). IRIs are built from
 * what identifies a thing (a region's code and a year for a report; a report and a position for
 * what is in it), so extracting the same report twice mints the same IRIs.
 *
 * <p>The shipped vocabularies (regions, programs, indicators, themes) are written under the
 * default base; {@link #rebase} moves their IRIs under a configured one.
 */
public final class IriMinter {

    public static final String DEFAULT_BASE = "https://w3id.org/fazhi/";

    private final String base;

    public IriMinter(String base) {
        Objects.requireNonNull(base);
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public String base() { return base; }

    /**
     * A shipped IRI under this minter's base. The ontology's own terms ({@code fz:}) keep their
     * IRIs under every base: they name the vocabulary every graph and saved query is written in.
     */
    public String rebase(String iri) {
        if (iri == null || base.equals(DEFAULT_BASE) || !iri.startsWith(DEFAULT_BASE) || iri.startsWith(FZ.ONTOLOGY)) return iri;
        return base + iri.substring(DEFAULT_BASE.length());
    }

    /** The key of a report: its region's code and the year, with the department when one reports. */
    public static String reportKey(String regionKey, Integer year, String department, String contentHash) {
        StringBuilder key = new StringBuilder();
        key.append(regionKey == null ? "unknown-" + contentHash.substring(0, 12) : regionKey);
        key.append('-').append(year == null ? "unknown" : year.toString());
        if (department != null) key.append('-').append(department);
        return key.toString();
    }

    public String report(String key) { return base + "id/report/" + key; }

    public String graph(String key) { return base + "graph/report/" + key; }

    public String part(String reportIri, String kind, int n) { return reportIri + "/" + kind + "/" + n; }

    public String run(String reportIri, String contentHash) {
        return reportIri + "/run/" + contentHash.substring(0, 12);
    }

    public String agency(String regionKey, String name) {
        return base + "id/agency/" + (regionKey == null ? "unknown" : regionKey) + "-" + shortHash(name);
    }

    public String candidate(String name) { return base + "id/candidate/" + shortHash(name); }

    public String indicator(String code) { return base + "id/indicator/" + code; }

    public String software(String version) { return base + "id/software/fazhi-" + version; }

    /** The last path segment of a region IRI: its code, or code-slug for zones without one. */
    public static String regionKey(String regionIri) {
        return regionIri == null ? null : regionIri.substring(regionIri.lastIndexOf('/') + 1);
    }

    /** Eight hex digits of SHA-256: short, stable, and readable enough for a name with no code. */
    public static String shortHash(String s) {
        return ContentHash.shortHash(s);
    }
}
