package org.w3id.fazhi.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One report's graph seen together with the vocabularies it points into (programs, themes,
 * indicators, units, regions, the ontology): what the answer tables read a report's rows from.
 * Lookups give each value once, as SPARQL over the union of the graphs does.
 */
final class ReportView {

    private final Graph report;
    private final Graph union;
    private final String graphIri;

    ReportView(String graphIri, Graph report, Graph vocabularies) {
        this.graphIri = graphIri;
        this.report = report;
        this.union = new Union(report, vocabularies);
    }

    String graphIri() { return graphIri; }

    /** The report's own graph. */
    Graph report() { return report; }

    /** The objects of {@code s p ?o}, each once. */
    List<Node> objects(Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        union.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out.isEmpty() ? List.of() : new ArrayList<>(out);
    }

    /** The objects of {@code s p ?o}, or one null when there are none: an OPTIONAL that matched nothing. */
    List<Node> optional(Node s, Node p) {
        List<Node> o = objects(s, p);
        return o.isEmpty() ? Collections.singletonList(null) : o;
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
        return union.contains(s, RDF.type.asNode(), type);
    }

    boolean has(Node s, Node p, Node o) {
        return union.contains(s, p, o);
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
