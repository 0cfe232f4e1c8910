package org.w3id.fazhi.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A report's graph as one JSON-LD document a JSON programmer can use: the report at the top, its
 * measures, numbers (observations and quoted numbers) and program mentions in arrays under it, its
 * text, run and sections embedded where the report points at them, agencies and other things in
 * {@code included}. Keys are the short terms of the published context ({@code ontology/context.jsonld},
 * served at {@code /context.jsonld}): {@code title}, {@code region}, {@code facts}, {@code value} (a
 * JSON number), {@code unit} …; a key that can repeat is always an array, one that cannot never
 * is; there are no blank nodes, so nothing changes between two runs but the run's times.
 *
 * <p>A JSON-LD processor reads the document back into the report's graph; numbers come back as
 * JSON-LD types native numbers (xsd:integer, or xsd:double for fractions) where the graph has
 * xsd:decimal: the same values.
 */
public final class ReportJsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectNode CONTEXT = readContext();

    /** The arrays under the report, by the type of what they hold (all point to the report with fz:report). */
    private static final Map<String, String> NESTED = Map.of(
            FZ.Measure.getURI(), "measures", W3C.Observation.getURI(), "facts", FZ.MetricFact.getURI(), "facts",
            FZ.ProgramMention.getURI(), "programMentions");

    /** A term of the context: its key, and how its values are written. */
    private record Term(String key, String type, String language, boolean set) {}

    private final Map<String, Term> terms = new HashMap<>();
    private final ObjectNode context;

    private ReportJsonLd(String base) {
        this.context = context(base);
        ObjectNode ctx = (ObjectNode) context.get("@context");
        ctx.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject() || !e.getValue().has("@id")) return;
            JsonNode d = e.getValue();
            String iri = expand(ctx, d.get("@id").asText());
            terms.putIfAbsent(iri, new Term(e.getKey(), d.path("@type").asText(null), d.path("@language").asText(null),
                    "@set".equals(d.path("@container").asText())));
        });
    }

    private static final Map<String, ReportJsonLd> BY_BASE = new java.util.concurrent.ConcurrentHashMap<>();

    /** A writer for graphs minted under a base; made once per base (the server asks for one per request). */
    public static ReportJsonLd under(String base) {
        return BY_BASE.computeIfAbsent(new IriMinter(base).base(), ReportJsonLd::new);
    }

    /** The published context, with the prefixes of minted IRIs under {@code base}. */
    public static ObjectNode context(String base) {
        String b = new IriMinter(base).base();
        ObjectNode copy = CONTEXT.deepCopy();
        ObjectNode ctx = (ObjectNode) copy.get("@context");
        ctx.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() && e.getValue().asText().startsWith(IriMinter.DEFAULT_BASE + "id/")) {
                e.setValue(F.textNode(b + e.getValue().asText().substring(IriMinter.DEFAULT_BASE.length())));
            }
        });
        return copy;
    }

    /**
     * The report's document; {@code contextUrl} names the context to refer to, or null to put the
     * context itself in the document (for files read where the server cannot be reached).
     */
    public ObjectNode document(Model graph, String reportIri, String contextUrl) {
        ObjectNode doc = F.objectNode();
        doc.set("@context", contextUrl == null ? context.get("@context").deepCopy() : F.textNode(contextUrl));
        Resource report = graph.createResource(reportIri);
        Set<String> emitted = new HashSet<>();
        // The nested parts are written in their arrays, never embedded where another part points at them.
        Map<String, List<Resource>> nested = new TreeMap<>();
        Set<String> reserved = new HashSet<>();
        graph.listSubjectsWithProperty(FZ.report, report).forEachRemaining(s -> {
            for (Statement t : s.listProperties(RDF.type).toList()) {
                String array = NESTED.get(t.getObject().asResource().getURI());
                if (array == null) continue;
                nested.computeIfAbsent(array, k -> new ArrayList<>()).add(s);
                reserved.add(s.getURI());
                break;
            }
        });
        ObjectNode top = node(report, graph, emitted, reserved, reportIri, null);
        for (Map.Entry<String, List<Resource>> e : nested.entrySet()) {
            ArrayNode array = top.putArray(e.getKey());
            e.getValue().stream().sorted(PART_ORDER).forEach(s -> array.add(node(s, graph, emitted, reserved, reportIri, FZ.report.getURI())));
        }
        ArrayNode included = F.arrayNode();
        graph.listSubjects().toList().stream().filter(Resource::isURIResource).filter(s -> !emitted.contains(s.getURI()))
                .sorted(Comparator.comparing(Resource::getURI))
                .forEach(s -> included.add(node(s, graph, emitted, reserved, reportIri, null)));
        doc.setAll(top);
        if (!included.isEmpty()) doc.set("included", included);
        return doc;
    }

    /** Parts in the order of the text: by the code point in their IRI, then by IRI. */
    private static final Comparator<Resource> PART_ORDER = Comparator.comparingLong((Resource r) -> position(r.getURI()))
            .thenComparing(Resource::getURI);

    private static long position(String iri) {
        String last = iri.substring(iri.lastIndexOf('/') + 1);
        int dash = last.indexOf('-');
        String digits = dash < 0 ? last : last.substring(0, dash);
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : Long.MAX_VALUE;
    }

    private ObjectNode node(Resource s, Model graph, Set<String> emitted, Set<String> reserved, String reportIri, String skip) {
        emitted.add(s.getURI());
        ObjectNode o = F.objectNode();
        o.put("id", s.getURI());
        Map<String, List<RDFNode>> byKey = new TreeMap<>();
        Map<String, Term> termOf = new HashMap<>();
        List<String> types = new ArrayList<>();
        for (Statement st : s.listProperties().toList()) {
            String p = st.getPredicate().getURI();
            if (p.equals(skip)) continue;
            if (p.equals(RDF.type.getURI())) {
                types.add(vocab(st.getObject().asResource().getURI()));
                continue;
            }
            Term t = terms.getOrDefault(p, new Term(p, null, null, true));
            termOf.put(t.key(), t);
            byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(st.getObject());
        }
        if (!types.isEmpty()) {
            ArrayNode a = o.putArray("type");
            types.stream().sorted().forEach(a::add);
        }
        for (Map.Entry<String, List<RDFNode>> e : byKey.entrySet()) {
            Term t = termOf.get(e.getKey());
            List<JsonNode> values = new ArrayList<>();
            e.getValue().stream().sorted(Comparator.comparing(RDFNode::toString))
                    .forEach(v -> values.add(value(v, t, graph, emitted, reserved, reportIri)));
            if (t.set() || values.size() > 1) {
                ArrayNode a = o.putArray(e.getKey());
                values.forEach(a::add);
            } else {
                o.set(e.getKey(), values.get(0));
            }
        }
        return o;
    }

    private JsonNode value(RDFNode v, Term t, Model graph, Set<String> emitted, Set<String> reserved, String reportIri) {
        if (v.isURIResource()) {
            String iri = v.asResource().getURI();
            if ("@vocab".equals(t.type())) return F.textNode(vocab(iri));
            boolean part = iri.startsWith(reportIri + "/") && !reserved.contains(iri) && !emitted.contains(iri);
            if (part && graph.contains(v.asResource(), null)) return node(v.asResource(), graph, emitted, reserved, reportIri, null);
            return "@id".equals(t.type()) ? F.textNode(iri) : F.objectNode().put("id", iri);
        }
        Literal l = v.asLiteral();
        String lang = l.getLanguage();
        if (!lang.isEmpty()) {
            if (lang.equals(t.language())) return F.textNode(l.getLexicalForm());
            return F.objectNode().put("@value", l.getLexicalForm()).put("@language", lang);
        }
        String dt = l.getDatatypeURI();
        if (dt.equals(XSDDatatype.XSDdecimal.getURI()) || dt.equals(XSDDatatype.XSDinteger.getURI())) {
            BigDecimal d = new BigDecimal(l.getLexicalForm()).stripTrailingZeros();
            return d.scale() <= 0 ? F.numberNode(d.toBigIntegerExact()) : F.numberNode(d);
        }
        if (t.type() != null && dt.equals(expand((ObjectNode) context.get("@context"), t.type()))) return F.textNode(l.getLexicalForm());
        if (dt.equals(XSDDatatype.XSDstring.getURI())) return F.textNode(l.getLexicalForm());
        return F.objectNode().put("@value", l.getLexicalForm()).put("@type", dt);
    }

    /** A term of the ontology by its local name (the context's @vocab), any other IRI whole. */
    private static String vocab(String iri) {
        if (iri.startsWith(FZ.NS)) return iri.substring(FZ.NS.length());
        if (iri.equals(W3C.Observation.getURI())) return "Observation";
        if (iri.equals(W3C.DataSet.getURI())) return "DataSet";
        if (iri.equals(W3C.Entity.getURI())) return "Entity";
        if (iri.equals(W3C.SoftwareAgent.getURI())) return "SoftwareAgent";
        if (iri.equals(W3C.Concept.getURI())) return "Concept";
        return iri;
    }

    private static String expand(ObjectNode ctx, String curie) {
        int colon = curie.indexOf(':');
        if (colon > 0 && ctx.has(curie.substring(0, colon)) && ctx.get(curie.substring(0, colon)).isTextual()) {
            return ctx.get(curie.substring(0, colon)).asText() + curie.substring(colon + 1);
        }
        return curie;
    }

    private static ObjectNode readContext() {
        try (InputStream in = ReportJsonLd.class.getClassLoader().getResourceAsStream("fazhi/ontology/context.jsonld")) {
            if (in == null) throw new IllegalStateException("missing resource fazhi/ontology/context.jsonld in the jar");
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JSON-LD context", e);
        }
    }

    /** The context file's text, as served at /context.jsonld, under a base. */
    public static String contextText(String base) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(context(base)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
