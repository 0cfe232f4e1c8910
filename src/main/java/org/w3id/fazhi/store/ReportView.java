package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One report's graph seen together with the vocabularies it points into (programs, themes,
 * indicators, units, regions, the ontology): what the answer tables read a report's rows from.
 * Lookups give each value once, as SPARQL over the union of the graphs does.
 */
final class ReportView {

    /**
     * The vocabularies as every view of a load reads them. Each report looks up the same few
     * programs, themes, indicators and regions, and the vocabularies are several graphs (a find
     * asks each of them): the objects found for a vocabulary subject are kept for the load. Only
     * the vocabularies' own subjects are kept, so what is kept is bounded by their size, not by
     * the reports'.
     */
    static final class Vocabulary {
        private final Graph graph;
        private final Set<Node> subjects = new HashSet<>();
        private final Map<Node, Map<Node, List<Node>>> objects = new ConcurrentHashMap<>();

        Vocabulary(Graph graph) {
            this.graph = graph;
            graph.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        }

        /** The objects of {@code s p ?o} in the vocabularies, each once, in the order the graphs give them. */
        List<Node> objects(Node s, Node p) {
            if (!subjects.contains(s)) return List.of();
            return objects.computeIfAbsent(s, k -> new ConcurrentHashMap<>()).computeIfAbsent(p, k -> {
                Set<Node> out = new LinkedHashSet<>();
                graph.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
                return List.copyOf(out);
            });
        }
    }

    private final Graph report;
    private final Vocabulary vocabulary;
    private final String graphIri;

    ReportView(String graphIri, Graph report, Vocabulary vocabulary) {
        this.graphIri = graphIri;
        this.report = report;
        this.vocabulary = vocabulary;
    }

    String graphIri() { return graphIri; }

    /** The report's own graph. */
    Graph report() { return report; }

    /** The objects of {@code s p ?o} in the report and the vocabularies, each once: the report's first. */
    List<Node> objects(Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        report.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        out.addAll(vocabulary.objects(s, p));
        return out.isEmpty() ? List.of() : new ArrayList<>(out);
    }

    /** The objects of {@code s p ?o}, or one null when there are none: an OPTIONAL that matched nothing. */
    List<Node> optional(Node s, Node p) {
        return orNull(objects(s, p));
    }

    /** The values, or one null when there are none: an OPTIONAL that matched nothing. */
    static List<Node> orNull(List<Node> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }

    /** The objects of {@code s p1/p2 ?o}: a path of two steps, each value once. */
    List<Node> path(Node s, Node p1, Node p2) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node mid : objects(s, p1)) out.addAll(objects(mid, p2));
        return out.isEmpty() ? List.of() : new ArrayList<>(out);
    }

    /** The subjects of {@code ?s p o} in the report's own graph, each once. */
    List<Node> subjects(Node p, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        report.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
        return new ArrayList<>(out);
    }

    /** The subjects of the report's own graph with this type, in the graph's order. */
    List<Node> ofType(Node type) {
        Set<Node> out = new LinkedHashSet<>();
        report.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> out.add(t.getSubject()));
        return new ArrayList<>(out);
    }

    boolean hasType(Node s, Node type) {
        return has(s, RDF.type.asNode(), type);
    }

    boolean has(Node s, Node p, Node o) {
        return report.contains(s, p, o) || vocabulary.objects(s, p).contains(o);
    }

    /** The labels of {@code s p ?l} in one language, as plain strings (SPARQL's {@code STR(?l)} after {@code LANG(?l) = lang}). */
    List<Node> labels(Node s, Node p, String lang) {
        List<Node> out = new ArrayList<>();
        for (Node l : objects(s, p)) {
            if (l.isLiteral() && lang.equals(l.getLiteralLanguage())) out.add(str(l));
        }
        return out;
    }

    List<Node> zhPrefLabels(Node s) { return labels(s, SKOS.prefLabel.asNode(), "zh"); }

    /** The skos:notation of each object of {@code s p ?x}: {@code s p/skos:notation ?n}. */
    List<Node> notations(Node s, Node p) { return path(s, p, SKOS.notation.asNode()); }

    /** SPARQL's {@code STR}: an IRI's text or a literal's lexical form, as a plain string. */
    static Node str(Node n) {
        if (n == null) return null;
        if (n.isURI()) return NodeFactory.createLiteralString(n.getURI());
        if (n.isLiteral()) return NodeFactory.createLiteralString(n.getLiteralLexicalForm());
        return null;
    }

    static final Node LABEL = RDFS.label.asNode();
}
