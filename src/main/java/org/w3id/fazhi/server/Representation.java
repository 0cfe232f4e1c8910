package org.w3id.fazhi.server;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.riot.RDFFormat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The representations a linked-data resource is offered in, with their suffixes and media types. */
enum Representation {
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11),
    RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PRETTY),
    NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES),
    HTML("html", "text/html", null),
    /** A named graph as quads: offered for graphs only. */
    NQUADS("nq", "application/n-quads", RDFFormat.NQUADS),
    /** A named graph as TriG: offered for graphs only. */
    TRIG("trig", "application/trig", RDFFormat.TRIG_PRETTY),
    /** TriX (HP Labs' XML for named graphs), which rdflib and RDF4J read; last, so it is never a tie's winner. */
    TRIX("trix", "application/trix", RDFFormat.TRIX);

    /**
     * Older names of a representation's media type, answered only when a client names them (never
     * through a wildcard) and labelled as asked: {@code text/plain} is N-Triples' type before RDF 1.1
     * (rdflib asks for it for {@code nt}), {@code text/n3} is read by every N3 parser from Turtle
     * written with {@code @prefix} (Turtle is a subset of N3), {@code application/x-turtle} is
     * Turtle's type before its registration, {@code application/json} gets JSON-LD.
     */
    private static final java.util.Map<Representation, List<String>> ALIASES = java.util.Map.of(
            TURTLE, List.of("text/n3", "application/x-turtle"),
            NTRIPLES, List.of("text/plain"),
            JSONLD, List.of("application/json"));

    /** What every resource is offered in. */
    static final Set<Representation> TRIPLES = EnumSet.of(TURTLE, JSONLD, RDFXML, NTRIPLES, HTML, TRIX);
    /** What a named graph is offered in. */
    static final Set<Representation> GRAPH = EnumSet.allOf(Representation.class);
    /** Data only (the dataset description has no page). */
    static final Set<Representation> DATA = EnumSet.of(TURTLE, JSONLD, RDFXML, NTRIPLES, TRIX);

    final String suffix;
    final String mediaType;
    final RDFFormat format;

    Representation(String suffix, String mediaType, RDFFormat format) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.format = format;
    }

    boolean isQuads() { return this == NQUADS || this == TRIG; }

    /** Whether the body is text in UTF-8 (XML formats declare their encoding themselves). */
    boolean isUtf8Text() { return this != RDFXML && this != TRIX; }

    static Optional<Representation> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(r -> r.suffix.equalsIgnoreCase(suffix)).findFirst();
    }

    static Optional<Representation> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(r -> r.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    /** The media types of an offer, in the order of preference. */
    static String describe(Set<Representation> offer) {
        List<String> types = new java.util.ArrayList<>();
        for (Representation r : offer) {
            types.add(r.mediaType);
            types.addAll(ALIASES.getOrDefault(r, List.of()));
        }
        return String.join(", ", types);
    }

    /** The outcome of negotiation: what to send, and the media type to label it with. */
    record Choice(Representation representation, String contentType) {}

    /**
     * Content negotiation by the rules of RFC 9110 §12.5.1: each offered type takes the quality of
     * the most specific range of the Accept header that matches it ({@code text/turtle} before
     * {@code text/*} before {@code *&#47;*}), a quality of 0 means "not acceptable", types compare
     * case-insensitively, and ties go to the server's order (Turtle first, so {@code *&#47;*} from
     * curl, wget or Python gets data; a browser's {@code text/html,...,*&#47;*;q=0.8} gets the page).
     * The {@linkplain #ALIASES older names} of a type are answered when named: {@code application/json}
     * with JSON-LD, {@code text/plain} with N-Triples, {@code text/n3} with Turtle. No Accept header
     * means anything: Turtle.
     *
     * @return the choice, or empty when nothing offered is acceptable (406)
     */
    static Optional<Choice> negotiate(String accept, Set<Representation> offer) {
        if (accept == null || accept.isBlank()) return Optional.of(new Choice(first(offer), first(offer).mediaType));
        List<MediaRange> ranges;
        try {
            ranges = new AcceptList(accept.toLowerCase(Locale.ROOT)).entries();
        } catch (RuntimeException e) {
            // An Accept header that cannot be parsed is treated as absent (RFC 9110 allows either).
            return Optional.of(new Choice(first(offer), first(offer).mediaType));
        }
        Choice best = null;
        double bestQ = 0;
        for (Representation r : values()) {
            if (!offer.contains(r)) continue;
            double q = quality(r.mediaType, ranges);
            if (q > bestQ) {
                best = new Choice(r, r.mediaType);
                bestQ = q;
            }
            for (String alias : ALIASES.getOrDefault(r, List.of())) {
                double q2 = quality(alias, ranges);
                // Only when asked for by name: a wildcard already reached the representation's own type.
                if (q2 > bestQ && specificity(alias, ranges) == 2) {
                    best = new Choice(r, alias);
                    bestQ = q2;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Representation first(Set<Representation> offer) {
        return offer.contains(TURTLE) ? TURTLE : offer.iterator().next();
    }

    /** The quality the Accept ranges give a media type: that of the most specific matching range, 0 when none matches. */
    static double quality(String mediaType, List<MediaRange> ranges) {
        int slash = mediaType.indexOf('/');
        String type = mediaType.substring(0, slash);
        String sub = mediaType.substring(slash + 1);
        double q = 0;
        int specificity = -1;
        for (MediaRange range : ranges) {
            int s = match(type, sub, range);
            if (s > specificity) {
                specificity = s;
                q = range.get_q();
            }
        }
        return q;
    }

    private static int specificity(String mediaType, List<MediaRange> ranges) {
        int slash = mediaType.indexOf('/');
        int best = -1;
        for (MediaRange range : ranges) best = Math.max(best, match(mediaType.substring(0, slash), mediaType.substring(slash + 1), range));
        return best;
    }

    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *&#47;*}, -1 for none. */
    private static int match(String type, String sub, MediaRange range) {
        String rt = range.getType();
        String rs = range.getSubType();
        if (rt == null || rs == null) return -1;
        if (rt.equals("*")) return rs.equals("*") ? 0 : -1;
        if (!rt.equals(type)) return -1;
        if (rs.equals("*")) return 1;
        return rs.equals(sub) ? 2 : -1;
    }
}
