package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Look-ups on the union of the store's graphs by subject or by object, each an index scan: what
 * the pages of regions, programs and indicators use to follow links from the thing they show
 * instead of querying the whole store. A value stated in several graphs (a region's label in the
 * gazetteer and in a report) counts once. Labels are remembered for the page's lifetime.
 */
final class StoreLookup {

    private final DatasetGraph dsg;
    private final Map<String, String> labels = new HashMap<>();

    StoreLookup(DatasetGraph dsg) { this.dsg = dsg; }

    DatasetGraph dataset() { return dsg; }

    /** The distinct objects of {@code s p ?o}. */
    List<Node> objects(String s, Property p) {
        Set<Node> out = new LinkedHashSet<>();
        dsg.find(Node.ANY, NodeFactory.createURI(s), p.asNode(), Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return new ArrayList<>(out);
    }

    /** The distinct IRI subjects of {@code ?s p o}. */
    List<String> subjects(Property p, String o) {
        Set<String> out = new LinkedHashSet<>();
        dsg.find(Node.ANY, Node.ANY, p.asNode(), NodeFactory.createURI(o)).forEachRemaining(q -> {
            if (q.getSubject().isURI()) out.add(q.getSubject().getURI());
        });
        return new ArrayList<>(out);
    }

    /** The first IRI object of {@code s p ?o}, or null. */
    String iri(String s, Property p) {
        for (Node o : objects(s, p)) if (o.isURI()) return o.getURI();
        return null;
    }

    /** The first literal object's text, Chinese first, or null. */
    String text(String s, Property p) {
        String any = null;
        for (Node o : objects(s, p)) {
            if (!o.isLiteral()) continue;
            if (o.getLiteralLanguage().startsWith("zh")) return o.getLiteralLexicalForm();
            if (any == null) any = o.getLiteralLexicalForm();
        }
        return any;
    }

    /** The texts of the literal objects whose language starts with {@code lang} ("" for any). */
    List<String> texts(String s, Property p, String lang) {
        List<String> out = new ArrayList<>();
        for (Node o : objects(s, p)) {
            if (o.isLiteral() && o.getLiteralLanguage().startsWith(lang) && !out.contains(o.getLiteralLexicalForm())) {
                out.add(o.getLiteralLexicalForm());
            }
        }
        return out;
    }

    /** The first numeric literal object, or null. */
    BigDecimal number(String s, Property p) {
        for (Node o : objects(s, p)) {
            if (!o.isLiteral()) continue;
            try {
                return new BigDecimal(o.getLiteralLexicalForm().trim());
            } catch (NumberFormatException e) {
                // not a number: try the next value
            }
        }
        return null;
    }

    boolean isA(String s, Resource type) {
        return dsg.find(Node.ANY, NodeFactory.createURI(s), RDF.type.asNode(), type.asNode()).hasNext();
    }

    /** A label for an IRI, Chinese first (see {@link ResourcePage#label}), or null. */
    String label(String iri) {
        return labels.computeIfAbsent(iri, i -> {
            String l = ResourcePage.label(dsg, i);
            return l == null ? "" : l;
        }).transform(l -> l.isEmpty() ? null : l);
    }
}
