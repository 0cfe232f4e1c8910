package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.w3id.fazhi.store.KnowledgeStore;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Atom feeds (RFC 4287) of the reports as they are loaded, newest first: {@code /feeds/reports}
 * for the whole dataset, {@code /feeds/region/{code}} for a region and every region under it,
 * {@code /feeds/program/{slug}} for the reports that practise or plan a program. An entry is a
 * report: its IRI as the entry's id, its title, the time its graph was loaded as {@code updated}
 * (a report loaded again after a change comes back to the top), its publishing date as
 * {@code published}, the publisher as author, its region as a category, links to its page, its
 * Turtle and its graph. Every link is absolute, under the server's public base. At most
 * {@value #ENTRIES} entries.
 */
final class ReportFeed extends HttpServlet {

    static final String PATH = "/feeds";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int ENTRIES = 50;

    private final KnowledgeStore store;
    private final Dataset dataset;
    private final IriMapping iris;
    private final String publicBase;

    /** @param publicBase the server's public URL without a trailing slash, or null for http://localhost:PORT */
    ReportFeed(KnowledgeStore store, IriMapping iris, String publicBase) {
        this.store = store;
        this.dataset = store.dataset();
        this.iris = iris;
        this.publicBase = publicBase;
    }

    /** The feed of a thing's page (a region's, a program's), as the page's head links it; null when it has none. */
    static String feedOf(String pagePath) {
        if (pagePath.startsWith("/id/region/") || pagePath.startsWith("/id/program/")) return PATH + pagePath.substring("/id".length());
        return null;
    }

    private record Entry(String report, String title, String loaded, String issued, String publisher,
                         String region, String regionName, String year) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String server = publicBase != null ? publicBase : "http://localhost:" + req.getLocalPort() + req.getContextPath();
        String sub = req.getPathInfo() == null ? "" : req.getPathInfo();
        String filter;
        String title;
        String about = null;
        if (sub.equals("/reports")) {
            filter = "";
            title = "法治政府建设年度报告 – new reports";
        } else if (sub.matches("/region/[0-9A-Za-z-]+")) {
            about = iris.base() + "id" + sub;
            filter = "?report fz:region ?r . ?r fz:parent* ?about .";
            title = label(about, "region") + " – new reports";
        } else if (sub.matches("/program/[0-9A-Za-z-]+")) {
            about = iris.base() + "id" + sub;
            filter = "?report fz:practices|fz:plans ?about .";
            title = label(about, "program") + " – new reports";
        } else {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "feeds: /feeds/reports, /feeds/region/{code}, /feeds/program/{slug}");
            return;
        }
        if (about != null && !known(about)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no " + about + " in this knowledge graph");
            return;
        }
        String aboutIri = about;
        List<Entry> entries = dataset.calculateRead(() -> entries(filter, aboutIri));
        byte[] body;
        try {
            body = write(server, PATH + sub, title, about, entries);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the feed", e);
        }
        resp.setContentType("application/atom+xml; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private boolean known(String iri) {
        return dataset.calculateRead(() -> dataset.asDatasetGraph().find(null, org.apache.jena.graph.NodeFactory.createURI(iri), null, null).hasNext());
    }

    private String label(String iri, String fallback) {
        String l = dataset.calculateRead(() -> ResourcePage.label(dataset.asDatasetGraph(), iri));
        return l != null ? l : fallback;
    }

    private List<Entry> entries(String filter, String about) {
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                PREFIX fz: <https://w3id.org/fazhi/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?report ?title ?loaded ?issued ?publisher ?region ?regionName ?year WHERE {
                  GRAPH ?meta { ?graph dcterms:modified ?loaded ; fz:sourceFile ?source }
                  FILTER (STRSTARTS(STR(?graph), ?graphs))
                  BIND (IRI(CONCAT(?reports, STRAFTER(STR(?graph), ?graphs))) AS ?report)
                  GRAPH ?graph { ?report a fz:Report ; rdfs:label ?title .
                    OPTIONAL { ?report dcterms:issued ?issued } OPTIONAL { ?report fz:publisherName ?publisher }
                    OPTIONAL { ?report fz:year ?year } OPTIONAL { ?report fz:region ?region } }
                  OPTIONAL { ?region fz:fullName ?regionName }
                  FILTER_HERE
                } ORDER BY DESC(?loaded) ?report LIMIT LIMIT_HERE
                """.replace("FILTER_HERE", filter).replace("LIMIT_HERE", Integer.toString(ENTRIES * 4)));
        q.setIri("meta", store.graphs().meta());
        q.setLiteral("graphs", iris.base() + "graph/report/");
        q.setLiteral("reports", iris.base() + "id/report/");
        if (about != null) q.setIri("about", about);
        List<Entry> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(q.asQuery()).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext() && out.size() < ENTRIES) {
                QuerySolution s = rs.next();
                String report = s.getResource("report").getURI();
                // A report with several titles or names gives several rows: the first is its entry.
                if (seen.contains(report)) continue;
                seen.add(report);
                out.add(new Entry(report, text(s.get("title")), text(s.get("loaded")), text(s.get("issued")),
                        text(s.get("publisher")), s.contains("region") ? s.getResource("region").getURI() : null,
                        text(s.get("regionName")), text(s.get("year"))));
            }
        }
        return out;
    }

    private static String text(RDFNode n) {
        return n == null ? null : n.isLiteral() ? ((Literal) n).getLexicalForm() : n.toString();
    }

    private byte[] write(String server, String path, String title, String about, List<Entry> entries) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.setDefaultNamespace(ATOM);
        x.writeStartElement(ATOM, "feed");
        x.writeDefaultNamespace(ATOM);
        element(x, "id", server + path);
        element(x, "title", title);
        String updated = entries.isEmpty() ? store.modified().toString() : time(entries.get(0).loaded());
        element(x, "updated", updated);
        link(x, "self", "application/atom+xml", server + path);
        String page = about != null ? server + iris.pathOf(about) : server + OverviewPage.PATH;
        link(x, "alternate", "text/html", page);
        x.writeStartElement(ATOM, "author");
        element(x, "name", "fazhi");
        element(x, "uri", server + "/");
        x.writeEndElement();
        x.writeStartElement(ATOM, "generator");
        x.writeAttribute("uri", "https://w3id.org/fazhi/");
        x.writeCharacters("fazhi");
        x.writeEndElement();
        for (Entry e : entries) {
            x.writeStartElement(ATOM, "entry");
            element(x, "id", e.report());
            element(x, "title", e.title());
            element(x, "updated", time(e.loaded()));
            if (e.issued() != null && e.issued().matches("\\d{4}-\\d{2}-\\d{2}")) element(x, "published", e.issued() + "T00:00:00+08:00");
            if (e.publisher() != null) {
                x.writeStartElement(ATOM, "author");
                element(x, "name", e.publisher());
                x.writeEndElement();
            }
            String reportPath = iris.pathOf(e.report());
            link(x, "alternate", "text/html", server + reportPath);
            link(x, "alternate", "text/turtle", server + reportPath + ".ttl");
            link(x, "describedby", "application/ld+json", server + reportPath.replaceFirst("^/id/report/", "/graph/report/"));
            if (e.region() != null) {
                x.writeEmptyElement(ATOM, "category");
                x.writeAttribute("term", e.region());
                x.writeAttribute("scheme", iris.base() + "id/scheme/regions");
                if (e.regionName() != null) x.writeAttribute("label", e.regionName());
            }
            StringBuilder summary = new StringBuilder();
            if (e.regionName() != null) summary.append(e.regionName());
            if (e.year() != null) summary.append(summary.isEmpty() ? "" : "，").append(e.year()).append("年度");
            summary.append(summary.isEmpty() ? "" : "：").append(e.title());
            element(x, "summary", summary.toString());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return out.toByteArray();
    }

    /** An xsd:dateTime as an RFC 3339 date-time (Atom's); one without a zone is taken as UTC. */
    static String time(String dateTime) {
        if (dateTime == null) return Instant.EPOCH.toString();
        try {
            return OffsetDateTime.parse(dateTime).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(dateTime).atOffset(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e2) {
                return Instant.EPOCH.toString();
            }
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }
}
