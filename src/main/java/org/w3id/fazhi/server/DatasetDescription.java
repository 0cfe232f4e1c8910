package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.store.DumpFormat;

import java.io.IOException;

/**
 * The VoID and DCAT description of the dataset (size, graphs, vocabularies, dumps, endpoint)
 * together with the SPARQL 1.1 service description of the endpoint. Served at {@code /void}
 * and {@code /.well-known/void}, and at the query endpoint when it is fetched without a query.
 */
final class DatasetDescription extends HttpServlet {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private final Dataset dataset;
    private final String base;
    private final String publicBase;

    /**
     * @param publicBase the server's public URL (no trailing slash) as clients see it, e.g. behind a
     *                   proxy; null for {@code http://localhost:PORT}. The Host header is never used:
     *                   the description is cached and shared, so a client must not be able to put
     *                   its own host name into it.
     */
    DatasetDescription(Dataset dataset, String base, String publicBase) {
        this.dataset = dataset;
        this.base = base;
        this.publicBase = publicBase;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String server = publicBase != null ? publicBase : "http://localhost:" + req.getLocalPort() + req.getContextPath();
        HttpHeaders.addVary(resp, "Accept");
        // A page is not offered: browsers' Accept (text/html, ..., */*;q=0.8) gets Turtle.
        Representation rep = Representation.negotiate(req.getHeader("Accept"), Representation.DATA)
                .map(Representation.Choice::representation).orElse(null);
        if (rep == null) {
            resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, "offered: " + Representation.describe(Representation.DATA));
            return;
        }
        Model m = dataset.calculateRead(() -> describe(server));
        resp.setContentType(rep.mediaType + (rep.isUtf8Text() ? "; charset=utf-8" : ""));
        RdfText.write(resp.getOutputStream(), m, rep.format);
    }

    Model describe(String server) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(W3C.prefixes(base));
        m.setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS).setNsPrefix("sd", SD);
        Resource ds = m.createResource(base + "dataset")
                .addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, "法治政府建设年度报告知识图谱", "zh")
                .addProperty(DCTerms.title, "Knowledge graph of Chinese local governments' annual rule-of-law reports", "en")
                .addProperty(VOID.sparqlEndpoint, m.createResource(server + "/kg/sparql"))
                .addProperty(VOID.uriSpace, base + "id/")
                .addProperty(VOID.rootResource, m.createResource(FZ.ONTOLOGY));
        for (String vocabulary : new String[] {FZ.NS, SKOS.getURI(), DCTerms.NS, W3C.PROV, W3C.OA, W3C.QB, W3C.ORG}) {
            ds.addProperty(VOID.vocabulary, m.createResource(vocabulary));
        }
        long total = 0;
        var graphs = dsg.listGraphNodes();
        Resource service = m.createResource(server + "/kg/sparql#service");
        Resource defaultDataset = m.createResource();
        while (graphs.hasNext()) {
            Node g = graphs.next();
            long n = dsg.getGraph(g).size();
            total += n;
            m.createResource(g.getURI()).addProperty(RDF.type, VOID.Dataset)
                    .addLiteral(VOID.triples, m.createTypedLiteral(n, XSDDatatype.XSDinteger));
            ds.addProperty(VOID.subset, m.createResource(g.getURI()));
            defaultDataset.addProperty(p(m, "namedGraph"), m.createResource()
                    .addProperty(p(m, "name"), m.createResource(g.getURI())));
        }
        ds.addLiteral(VOID.triples, m.createTypedLiteral(total, XSDDatatype.XSDinteger));
        for (DumpFormat f : DumpFormat.values()) {
            String url = server + "/dumps/kg." + f.extension() + ".gz";
            ds.addProperty(VOID.dataDump, m.createResource(url));
            ds.addProperty(DCAT.distribution, m.createResource()
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCAT.downloadURL, m.createResource(url))
                    .addProperty(DCAT.mediaType, m.createResource("https://www.iana.org/assignments/media-types/"
                            + f.lang().getContentType().getContentTypeStr()))
                    .addProperty(DCAT.compressFormat, m.createResource("https://www.iana.org/assignments/media-types/application/gzip")));
        }
        Resource dataService = m.createResource(server + "/kg/sparql#data-service")
                .addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCAT.endpointURL, m.createResource(server + "/kg/sparql"))
                .addProperty(DCAT.servesDataset, ds);
        ds.addProperty(DCAT.distribution, m.createResource().addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCAT.accessService, dataService));

        service.addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(p(m, "endpoint"), m.createResource(server + "/kg/sparql"))
                .addProperty(p(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(p(m, "feature"), m.createResource(SD + "UnionDefaultGraph"))
                .addProperty(p(m, "defaultDataset"), defaultDataset.addProperty(RDF.type, m.createResource(SD + "Dataset"))
                        .addProperty(p(m, "defaultGraph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                                .addLiteral(VOID.triples, m.createTypedLiteral(total, XSDDatatype.XSDinteger))));
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD"}) {
            service.addProperty(p(m, "resultFormat"), m.createResource("http://www.w3.org/ns/formats/" + format));
        }
        return m;
    }

    private static Property p(Model m, String local) { return m.createProperty(SD + local); }
}
