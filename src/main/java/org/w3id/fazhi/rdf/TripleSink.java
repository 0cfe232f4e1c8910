package org.w3id.fazhi.rdf;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.mem2.IndexingStrategy;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

import java.util.UUID;

/**
 * Adds the triples of one report's graph, at the level of nodes: no Model statement or literal
 * wrapper per triple, and literals built from their lexical form instead of parsed from a value.
 *
 * <p>The graph indexes its triples on the first pattern look-up, not on every add: a report's
 * graph is written thousands of triples at a time and then mostly streamed out whole (to a
 * serialisation or the store), which needs no index at all.
 */
final class TripleSink {

    private static final Node TYPE = org.apache.jena.vocabulary.RDF.type.asNode();
    /**
     * The xsd:integer literals of orders, heading levels and counts, made once: nodes are immutable,
     * and a report's graph has thousands of them with a few hundred values.
     */
    private static final Node[] SMALL_INTEGERS = new Node[1024];

    static {
        for (int i = 0; i < SMALL_INTEGERS.length; i++) {
            SMALL_INTEGERS[i] = NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
        }
    }

    private final Graph graph = new GraphMem2Roaring(IndexingStrategy.LAZY);
    /**
     * Blank nodes are labelled with one random UUID per graph and a counter: as unique as Jena's
     * fresh label (a random UUID each) without drawing from the shared secure random per node.
     */
    private final String blankPrefix = UUID.randomUUID() + "-";
    private int blanks;

    /** The triples as a model. */
    Model model() { return ModelFactory.createModelForGraph(graph); }

    Node add(Node s, Property p, Node o) {
        graph.add(Triple.create(s, p.asNode(), o));
        return s;
    }

    Node add(Node s, Property p, Resource o) { return add(s, p, o.asNode()); }

    Node type(Node s, Resource type) {
        graph.add(Triple.create(s, TYPE, type.asNode()));
        return s;
    }

    /** A plain string. */
    Node string(Node s, Property p, String value) { return add(s, p, NodeFactory.createLiteralString(value)); }

    /** A string in a language. */
    Node text(Node s, Property p, String value, String lang) { return add(s, p, NodeFactory.createLiteralLang(value, lang)); }

    Node typed(Node s, Property p, String lexical, RDFDatatype type) {
        return add(s, p, NodeFactory.createLiteralDT(lexical, type));
    }

    Node integer(Node s, Property p, int value, XSDDatatype type) {
        if (type == XSDDatatype.XSDinteger && value >= 0 && value < SMALL_INTEGERS.length) return add(s, p, SMALL_INTEGERS[value]);
        return typed(s, p, Integer.toString(value), type);
    }

    Node bool(Node s, Property p, boolean value) {
        return typed(s, p, Boolean.toString(value), XSDDatatype.XSDboolean);
    }

    static Node iri(String iri) { return NodeFactory.createURI(iri); }

    Node blank() { return NodeFactory.createBlankNode(blankPrefix + blanks++); }
}
