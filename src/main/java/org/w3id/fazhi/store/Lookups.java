package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small queries the answer tables ask the store at read time: which program a label names, which
 * themes a piece of a label picks. Each is SPARQL with the saved query's own pattern (so a label
 * means what it means to the query), bound the way a saved query's parameters are bound, and run
 * past the answers ({@link Answers#SCAN}). Answers are kept per store version.
 */
final class Lookups {

    static final String PREFIXES = """
            PREFIX fz:   <https://w3id.org/fazhi/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX qb:   <http://purl.org/linked-data/cube#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            """;

    private final DatasetGraph dsg;
    private final Map<String, List<Node>> cache;
    private final long version;

    /** Lookups on a store's snapshot; answers kept in {@code cache} under the snapshot's data version. */
    Lookups(DatasetGraph dsg, Map<String, List<Node>> cache, long version) {
        this.dsg = dsg;
        this.cache = cache;
        this.version = version;
    }

    Lookups(DatasetGraph dsg, Map<String, List<Node>> cache) {
        this(dsg, cache, -1);
    }

    DatasetGraph dataset() { return dsg; }

    /** The values of {@code ?out} for {@code ?in} bound to a string, each once, sorted by their text. */
    List<Node> values(String select, Node in) {
        String cacheKey = version + "\u0000" + select + '\u0000' + in;
        List<Node> hit = cache.get(cacheKey);
        if (hit != null) return hit;
        Query q = QueryFactory.create(PREFIXES + select);
        Query bound = QueryTransformOps.transform(q, Map.of(Var.alloc("in"), in));
        List<Node> out = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(bound).set(Answers.SCAN, true).build()) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding b = rows.next();
                Node n = b.get(Var.alloc("out"));
                if (n != null && !out.contains(n)) out.add(n);
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        List<Node> result = List.copyOf(out);
        if (cache.size() > 10_000) cache.clear();
        cache.put(cacheKey, result);
        return result;
    }

    static Map<String, List<Node>> newCache() { return new ConcurrentHashMap<>(); }
}
