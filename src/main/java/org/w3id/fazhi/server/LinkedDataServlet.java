package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.ReportJsonLd;
import org.w3id.fazhi.rdf.W3C;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@code GET /{path}} for every IRI {@code base + path} the graph mints, so the IRIs
 * dereference on this server (and behind a redirect from the base). The representation is chosen
 * by suffix ({@code .ttl}), then {@code ?format=}, then the Accept header (see
 * {@link Representation#negotiate}).
 *
 * <p>What a resource's representation holds, the same triples in every format: a graph name gives
 * the whole graph (a report's graph is the report's document: as JSON-LD, the framed document of
 * {@link ReportJsonLd}), also as N-Quads, TriG and TriX; the ontology IRI gives the ontology; any
 * other IRI gives its description (its triples and the blank nodes under them) from the union of all
 * graphs. A report's description adds one triple the store does not hold, {@code wdrs:describedby}
 * its graph, and both carry the link in a {@code Link} header too (docs/graph-model.md).
 */
final class LinkedDataServlet extends HttpServlet {

    /** POWDER-S, whose {@code describedby} links a thing to a document that describes it (a W3C Recommendation). */
    static final String POWDER_S = "http://www.w3.org/2007/05/powder-s#";
    static final Property DESCRIBED_BY = ResourceFactory.createProperty(POWDER_S + "describedby");

    /** The paths this servlet is mapped to: the IRI spaces and the ontology with each suffix. */
    static List<String> paths() {
        List<String> paths = new ArrayList<>(List.of("/id/*", "/graph/*", "/ontology", "/ontology/*"));
        for (Representation r : Representation.values()) paths.add("/ontology." + r.suffix);
        return paths;
    }

    private final Dataset dataset;
    private final IriMapping iris;

    LinkedDataServlet(Dataset dataset, IriMapping iris) {
        this.dataset = dataset;
        this.iris = iris;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Optional<Representation> forced = Optional.empty();
        String resourcePath = path;
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            Optional<Representation> bySuffix = Representation.bySuffix(path.substring(dot + 1));
            if (bySuffix.isPresent()) {
                forced = bySuffix;
                resourcePath = path.substring(0, dot);
            }
        }
        String format = req.getParameter("format");
        if (forced.isEmpty() && format != null) {
            forced = Representation.bySuffix(format);
            if (forced.isEmpty()) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown format '" + format
                        + "': use ttl, jsonld, rdf, nt, html (and nq or trig for graphs)");
                return;
            }
        }
        String iri = iris.iriOf(resourcePath);
        Description d = dataset.calculateRead(() -> describe(iri));
        if (forced.isEmpty()) HttpHeaders.addVary(resp, "Accept");
        if (d.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no resource " + iri + " in this knowledge graph");
            return;
        }
        Set<Representation> offer = d.offer();
        Representation.Choice choice;
        if (forced.isPresent()) {
            if (!offer.contains(forced.get())) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, iri + " is not a graph: no ." + forced.get().suffix);
                return;
            }
            choice = new Representation.Choice(forced.get(), forced.get().mediaType);
        } else {
            Optional<Representation.Choice> negotiated = Representation.negotiate(req.getHeader("Accept"), offer);
            if (negotiated.isEmpty()) {
                resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, "offered: " + Representation.describe(offer));
                return;
            }
            choice = negotiated.get();
            resp.setHeader("Content-Location", req.getContextPath() + resourcePath + "." + choice.representation().suffix);
        }
        Representation rep = choice.representation();
        for (Representation alternate : offer) {
            if (alternate == rep) continue;
            resp.addHeader("Link", "<" + req.getContextPath() + resourcePath + "." + alternate.suffix
                    + ">; rel=\"alternate\"; type=\"" + alternate.mediaType + "\"");
        }
        // A report and its graph: the description names the document that holds all of it (RFC 8288's
        // describedby, POWDER's wdrs:describedby), the document the report it is about (RFC 6892's describes).
        if (d.documentOf() != null) resp.addHeader("Link", "<" + req.getContextPath() + iris.pathOf(d.documentOf()) + ">; rel=\"describedby\"");
        if (d.topic() != null) resp.addHeader("Link", "<" + req.getContextPath() + iris.pathOf(d.topic()) + ">; rel=\"describes\"");
        byte[] body;
        if (rep == Representation.HTML) {
            body = dataset.calculateRead(() -> ThingPages.render(iri, d, dataset, iris)).getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/html; charset=utf-8");
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (rep.isQuads()) {
                DatasetGraph quads = DatasetGraphFactory.create();
                quads.prefixes().putAll(d.model().getNsPrefixMap());
                quads.addGraph(NodeFactory.createURI(d.graphName()), d.model().getGraph());
                RdfText.write(out, quads, rep.format);
            } else if (rep == Representation.JSONLD && d.topic() != null) {
                // A report's graph as one framed document: the report at the top, short keys, arrays always
                // arrays; the context inline, as many JSON-LD processors do not fetch remote contexts.
                out.writeBytes(ReportJsonLd.under(iris.base()).document(d.model(), d.topic(), null)
                        .toPrettyString().getBytes(StandardCharsets.UTF_8));
            } else {
                RdfText.write(out, d.model(), rep.format);
            }
            body = out.toByteArray();
            resp.setContentType(choice.contentType() + (rep.isUtf8Text() ? "; charset=utf-8" : ""));
            if (rep == Representation.JSONLD) {
                resp.addHeader("Link", "<" + req.getContextPath() + "/context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"");
            }
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The graph of a report IRI ({@code id/report/KEY} → {@code graph/report/KEY}), or null for any other IRI. */
    private String reportGraph(String iri) {
        String prefix = iris.base() + "id/report/";
        if (!iri.startsWith(prefix) || iri.indexOf('/', prefix.length()) >= 0) return null;
        return iris.base() + "graph/report/" + iri.substring(prefix.length());
    }

    /** The report a report graph is about ({@code graph/report/KEY} → {@code id/report/KEY}), or null. */
    private String reportOf(String graphIri) {
        String prefix = iris.base() + "graph/report/";
        if (!graphIri.startsWith(prefix) || graphIri.indexOf('/', prefix.length()) >= 0) return null;
        return iris.base() + "id/report/" + graphIri.substring(prefix.length());
    }

    /**
     * What the store says about an IRI: its representation, and the graphs that mention it; for a
     * report, the graph that is its document ({@code documentOf}); for a report's graph, the report
     * ({@code topic}).
     */
    record Description(Model model, List<String> graphs, boolean isGraph, String graphName, String documentOf, String topic) {
        Description(Model model, List<String> graphs, boolean isGraph, String graphName) {
            this(model, graphs, isGraph, graphName, null, null);
        }

        boolean isEmpty() { return model.isEmpty(); }

        /** The representations offered: graphs as quads too. */
        Set<Representation> offer() { return isGraph ? Representation.GRAPH : Representation.TRIPLES; }
    }

    private Description describe(String iri) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Node node = NodeFactory.createURI(iri);
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(W3C.prefixes(iris.base()));
        boolean isGraph = false;
        String graphName = iri.equals(FZ.ONTOLOGY) ? iris.base() + "graph/ontology" : iri;
        if (dsg.containsGraph(NodeFactory.createURI(graphName)) && !graphName.equals(iris.base() + "graph/meta")) {
            model.add(ModelFactory.createModelForGraph(dsg.getGraph(NodeFactory.createURI(graphName))));
            isGraph = true;
        } else {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query("DESCRIBE <" + iri + ">").build()) {
                model.add(qe.execDescribe());
            }
        }
        List<String> graphs = new ArrayList<>();
        dsg.find(Node.ANY, node, Node.ANY, Node.ANY).forEachRemaining(q -> {
            String g = q.getGraph().getURI();
            if (!Quad.isDefaultGraph(q.getGraph()) && !graphs.contains(g)) graphs.add(g);
        });
        String document = isGraph ? null : reportGraph(iri);
        if (document != null && dsg.containsGraph(NodeFactory.createURI(document)) && !model.isEmpty()) {
            model.setNsPrefix("wdrs", POWDER_S);
            model.add(model.createResource(iri), DESCRIBED_BY, model.createResource(document));
        } else {
            document = null;
        }
        String topic = isGraph ? reportOf(graphName) : null;
        return new Description(model, graphs, isGraph, isGraph ? graphName : null, document, topic);
    }
}
