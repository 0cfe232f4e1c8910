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
import org.apache.jena.riot.RDFDataMgr;
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
 * <p>What a resource's representation holds: a graph name gives the whole graph (the raw data of
 * a report), also as N-Quads and TriG; the ontology IRI gives the ontology; any other IRI gives
 * its description (its triples and the blank nodes under them) from the union of all graphs.
 */
final class LinkedDataServlet extends HttpServlet {

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
        byte[] body;
        if (rep == Representation.HTML) {
            body = dataset.calculateRead(() -> ThingPages.render(iri, d, dataset, iris)).getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/html; charset=utf-8");
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Model reportGraph = rep == Representation.JSONLD ? dataset.calculateRead(() -> reportGraph(iri)) : null;
            if (rep.isQuads()) {
                DatasetGraph quads = DatasetGraphFactory.create();
                quads.prefixes().putAll(d.model().getNsPrefixMap());
                quads.addGraph(NodeFactory.createURI(d.graphName()), d.model().getGraph());
                RDFDataMgr.write(out, quads, rep.format);
            } else if (reportGraph != null) {
                // A report as one framed document: the report at the top, short keys, arrays always arrays;
                // the context inline, as many JSON-LD processors do not fetch remote contexts.
                out.writeBytes(ReportJsonLd.under(iris.base()).document(reportGraph, iri, null)
                        .toPrettyString().getBytes(StandardCharsets.UTF_8));
            } else {
                RDFDataMgr.write(out, d.model(), rep.format);
            }
            body = out.toByteArray();
            resp.setContentType(choice.contentType() + (rep == Representation.RDFXML ? "" : "; charset=utf-8"));
            if (rep == Representation.JSONLD) {
                resp.addHeader("Link", "<" + req.getContextPath() + "/context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"");
            }
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The named graph of a report IRI, copied, or null when the IRI is not a report's. */
    private Model reportGraph(String iri) {
        String prefix = iris.base() + "id/report/";
        if (!iri.startsWith(prefix)) return null;
        Node graph = NodeFactory.createURI(iris.base() + "graph/report/" + iri.substring(prefix.length()));
        DatasetGraph dsg = dataset.asDatasetGraph();
        if (!dsg.containsGraph(graph)) return null;
        return ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(dsg.getGraph(graph)));
    }

    /** What the store says about an IRI: its representation, and the graphs that mention it. */
    record Description(Model model, List<String> graphs, boolean isGraph, String graphName) {
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
        return new Description(model, graphs, isGraph, isGraph ? graphName : null);
    }
}
