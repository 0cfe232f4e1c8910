package org.w3id.fazhi.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.w3id.fazhi.util.ContentHash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The vocabularies shipped in the jar ({@code ontology/*.ttl} under {@code fazhi/ontology/}): read,
 * hashed and moved under a base once, for every consumer — the recognizers (programs, regions), the
 * validator (shapes) and every graph sink (the vocabulary graphs beside the report graphs).
 *
 * <p>The files name things under the default base; {@link #bundled(String)} gives their graphs
 * with every IRI under that base moved under another ({@link IriMinter#rebase}), so the graphs a
 * sink receives name the same programs, regions and indicators as the report graphs minted under
 * the same base. Instances are immutable and shared; their graphs are read-only.
 */
public final class Vocabularies {

    /** One vocabulary graph: its name, the files it is made of, their hash, and its triples. */
    public static final class Vocabulary {
        private final String graphIri;
        private final List<String> files;
        private final String sha256;
        private final Supplier<Graph> graph;
        private volatile Graph parsed;

        private Vocabulary(String graphIri, List<String> files, String sha256, Supplier<Graph> graph) {
            this.graphIri = graphIri;
            this.files = List.copyOf(files);
            this.sha256 = sha256;
            this.graph = graph;
        }

        public String graphIri() { return graphIri; }

        /** The bundled files, e.g. {@code programs.ttl themes.ttl}. */
        public List<String> files() { return files; }

        /** SHA-256 of the files' bytes, one after the other: a sink that holds this hash holds this version. */
        public String sha256() { return sha256; }

        /** The triples, under the base; parsed on first use (regions.ttl alone is 6,204 regions). */
        public Graph graph() {
            Graph g = parsed;
            if (g == null) {
                synchronized (this) {
                    if (parsed == null) parsed = new GraphReadOnly(graph.get());
                    g = parsed;
                }
            }
            return g;
        }
    }

    /** Each vocabulary graph's local name and the files it is made of, in load order. */
    private static final Map<String, List<String>> LAYOUT = layout();

    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<String, Vocabularies> BY_BASE = new ConcurrentHashMap<>();

    private final String base;
    private final List<Vocabulary> graphs;

    private Vocabularies(String base) {
        IriMinter iris = new IriMinter(base);
        this.base = iris.base();
        List<Vocabulary> list = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : LAYOUT.entrySet()) {
            List<String> files = e.getValue();
            String hash = ContentHash.sha256(files.stream().map(Vocabularies::bytes).toList());
            list.add(new Vocabulary(this.base + "graph/" + e.getKey(), files, hash, () -> parse(files, iris)));
        }
        this.graphs = List.copyOf(list);
    }

    /** The vocabularies under the default base {@value IriMinter#DEFAULT_BASE}. */
    public static Vocabularies bundled() {
        return bundled(IriMinter.DEFAULT_BASE);
    }

    /** The vocabularies with their IRIs under {@code base}; made once per base. */
    public static Vocabularies bundled(String base) {
        return BY_BASE.computeIfAbsent(new IriMinter(base).base(), Vocabularies::new);
    }

    public String base() { return base; }

    /** The vocabulary graphs: ontology, programs (with themes), indicators, regions. */
    public List<Vocabulary> graphs() { return graphs; }

    /** The names of the vocabulary graphs. */
    public Set<String> graphIris() {
        Set<String> names = new java.util.LinkedHashSet<>();
        graphs.forEach(v -> names.add(v.graphIri()));
        return names;
    }

    /** The graph of the ontology ({@code fazhi.ttl}). */
    public String ontologyGraph() { return base + "graph/ontology"; }

    /**
     * A bundled file as a new model, under the default base: for the recognizers (programs,
     * regions), which keep the shipped IRIs and leave rebasing to the graph builder, and for the
     * shapes. Any file of {@code fazhi/ontology/}, including {@code shapes.ttl}.
     */
    public static Model file(String fileName) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(bytes(fileName))).lang(Lang.TURTLE).parse(model);
        return model;
    }

    /** The bytes of any file shipped under {@code fazhi/ontology/} (site-hosts.tsv, context.jsonld …). */
    public static byte[] resource(String fileName) {
        return bytes(fileName).clone();
    }

    private static Graph parse(List<String> files, IriMinter iris) {
        Graph g = GraphFactory.createDefaultGraph();
        for (String f : files) RDFParser.source(new ByteArrayInputStream(bytes(f))).lang(Lang.TURTLE).parse(g);
        if (iris.base().equals(IriMinter.DEFAULT_BASE)) return g;
        Graph moved = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> moved.add(Triple.create(
                rebase(t.getSubject(), iris), rebase(t.getPredicate(), iris), rebase(t.getObject(), iris))));
        return moved;
    }

    private static Node rebase(Node n, IriMinter iris) {
        return n.isURI() ? NodeFactory.createURI(iris.rebase(n.getURI())) : n;
    }

    private static byte[] bytes(String fileName) {
        return BYTES.computeIfAbsent(fileName, Vocabularies::read);
    }

    private static byte[] read(String fileName) {
        String resource = "fazhi/ontology/" + fileName;
        try (InputStream in = Vocabularies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " in the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, List<String>> layout() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("ontology", List.of("fazhi.ttl"));
        m.put("programs", List.of("programs.ttl", "themes.ttl"));
        m.put("indicators", List.of("indicators.ttl", "units.ttl"));
        m.put("regions", List.of("regions.ttl", "departments.ttl"));
        return m;
    }
}
