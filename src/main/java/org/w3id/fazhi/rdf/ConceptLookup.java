package org.w3id.fazhi.rdf;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.SKOS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The concepts of a bundled scheme by the words that name them: units by notation (件 →
 * unit:jian), department kinds by their labels (司法局, 市场监管局 → department:…). Read once.
 */
final class ConceptLookup {

    static final ConceptLookup UNITS = byNotation("units.ttl");
    static final ConceptLookup DEPARTMENTS = byLabels("departments.ttl");

    private final Map<String, String> iris;

    private ConceptLookup(Map<String, String> iris) { this.iris = Map.copyOf(iris); }

    /** The concept's IRI under the default base, or null when the scheme has no such word. */
    String iri(String word) { return word == null ? null : iris.get(word); }

    /** The last segment of the concept's IRI (its key), or null. */
    String key(String word) {
        String iri = iri(word);
        return iri == null ? null : iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static ConceptLookup byNotation(String file) {
        Map<String, String> m = new HashMap<>();
        Model model = Vocabularies.file(file);
        model.listStatements(null, SKOS.notation, (RDFNode) null).forEach(s -> m.putIfAbsent(s.getString(), s.getSubject().getURI()));
        return new ConceptLookup(m);
    }

    private static ConceptLookup byLabels(String file) {
        Map<String, String> m = new HashMap<>();
        Model model = Vocabularies.file(file);
        for (var p : List.of(SKOS.prefLabel, SKOS.altLabel)) {
            model.listStatements(null, p, (RDFNode) null).forEach((Statement s) -> {
                Resource r = s.getSubject();
                if ("zh".equals(s.getLanguage())) m.putIfAbsent(s.getString(), r.getURI());
            });
        }
        return new ConceptLookup(m);
    }
}
