package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTML page of a resource, for people: its label, its properties with links to related
 * resources, the quote each fact was read from, what links to it, and links to the raw data.
 * Built with jsoup so every value is escaped.
 */
final class ResourcePage {

    private static final int MAX_INCOMING = 500;
    private static final int MAX_BODY_CHARS = 2000;

    private ResourcePage() {}

    /** Renders inside a read transaction on the dataset. */
    static String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Model m = d.model();
        Resource r = m.createResource(iri);
        String label = label(dsg, iri);
        Document doc = Document.createShell("");
        doc.title((label == null ? iri : label) + " – fazhi");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("link").attr("rel", "alternate").attr("type", "text/turtle").attr("href", iris.pathOf(iri) + ".ttl");
        doc.head().appendElement("style").text(STYLE);
        Element body = doc.body();
        body.appendElement("p").addClass("nav").appendElement("a").attr("href", "/").text("SPARQL (Fuseki UI)")
                .parent().appendText(" · ").appendElement("a").attr("href", "/queries").text("saved queries")
                .parent().appendText(" · ").appendElement("a").attr("href", "/void").text("dataset description");
        body.appendElement("h1").text(label == null ? iri : label);
        body.appendElement("p").addClass("iri").appendElement("code").text(iri);

        Element raw = body.appendElement("p").addClass("raw").appendText("Raw data: ");
        for (Representation rep : d.offer()) {
            if (rep == Representation.HTML) continue;
            raw.appendElement("a").attr("href", iris.pathOf(iri) + "." + rep.suffix).text(rep.suffix);
            raw.appendText(" ");
        }
        for (String g : d.graphs()) {
            String local = iris.pathOf(g);
            if (local != null && !g.equals(iri)) {
                raw.appendText("· in graph ");
                raw.appendElement("a").attr("href", local + ".ttl").text(g);
                raw.appendText(" ");
            }
        }

        if (d.isGraph()) {
            body.appendElement("p").text("A named graph of " + m.size() + " triples; its subjects:");
            Element ul = body.appendElement("ul");
            m.listSubjects().toList().stream().filter(Resource::isURIResource).map(Resource::getURI).sorted().limit(500)
                    .forEach(s -> link(ul.appendElement("li"), s, dsg, iris));
        } else {
            properties(body, r, m, dsg, iris);
            incoming(body, iri, dsg, iris);
        }
        return doc.outerHtml();
    }

    private static void properties(Element body, Resource r, Model m, DatasetGraph dsg, IriMapping iris) {
        Element table = body.appendElement("table");
        table.appendElement("tr").appendElement("th").text("property").parent().appendElement("th").text("value");
        List<Statement> statements = new ArrayList<>(r.listProperties().toList());
        statements.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s -> s.getObject().toString()));
        for (Statement s : statements) {
            Element tr = table.appendElement("tr");
            link(tr.appendElement("td"), s.getPredicate().getURI(), dsg, iris);
            Element td = tr.appendElement("td");
            value(td, s.getObject(), m, dsg, iris);
        }
    }

    private static void value(Element td, RDFNode o, Model m, DatasetGraph dsg, IriMapping iris) {
        if (o.isLiteral()) {
            Literal l = o.asLiteral();
            String text = l.getLexicalForm();
            if (text.length() > MAX_BODY_CHARS) {
                td.appendElement("div").addClass("long").text(text.substring(0, MAX_BODY_CHARS) + " …");
            } else {
                td.appendText(text);
            }
            if (!l.getLanguage().isEmpty()) td.appendElement("span").addClass("lang").text("@" + l.getLanguage());
            return;
        }
        if (o.isAnon()) {
            Element ul = td.appendElement("ul");
            for (Statement s : o.asResource().listProperties().toList()) {
                Element li = ul.appendElement("li");
                link(li, s.getPredicate().getURI(), dsg, iris);
                li.appendText(": ");
                value(li, s.getObject(), m, dsg, iris);
            }
            return;
        }
        String iri = o.asResource().getURI();
        link(td, iri, dsg, iris);
        // The quote behind a fact or mention, so a reader can check it against the report.
        String quote = first(dsg, iri, FZ.quote.asNode());
        if (quote != null) td.appendElement("blockquote").text(quote);
    }

    /**
     * What links to the resource, grouped by property and by the linking resource's type, so a
     * report page shows its facts, measures and mentions each under a heading. Groups whose
     * members have labels or quotes are open, each member with its quote; the rest are
     * folded away.
     */
    private static void incoming(Element body, String iri, DatasetGraph dsg, IriMapping iris) {
        Map<String, List<String>> groups = new TreeMap<>();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, NodeFactory.createURI(iri)).forEachRemaining(q -> {
            if (!q.getSubject().isURI()) return;
            String type = first(dsg, q.getSubject().getURI(), RDF.type.asNode(), true);
            List<String> members = groups.computeIfAbsent(q.getPredicate().getURI() + " " + (type == null ? "" : type), k -> new ArrayList<>());
            if (!members.contains(q.getSubject().getURI())) members.add(q.getSubject().getURI());
        });
        if (groups.isEmpty()) return;
        body.appendElement("h2").text("Linked from");
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            String[] predicateAndType = g.getKey().split(" ", 2);
            List<String> members = g.getValue();
            members.sort(NATURAL_ORDER);
            boolean labelled = label(dsg, members.get(0)) != null || first(dsg, members.get(0), FZ.quote.asNode()) != null;
            Element details = body.appendElement("details").addClass("incoming");
            if (labelled) details.attr("open", "");
            Element summary = details.appendElement("summary");
            link(summary, predicateAndType[0], dsg, iris);
            if (!predicateAndType[1].isEmpty()) {
                summary.appendText(" · ");
                link(summary, predicateAndType[1], dsg, iris);
            }
            summary.appendText(" (" + members.size() + ")");
            Element ul = details.appendElement("ul");
            for (String member : members.subList(0, Math.min(MAX_INCOMING, members.size()))) {
                Element li = ul.appendElement("li");
                link(li, member, dsg, iris);
                // A measure's or a number's quote, so a reader can check it against the report.
                String quote = first(dsg, member, FZ.quote.asNode());
                if (quote != null) li.appendElement("blockquote").text(quote);
            }
            if (members.size() > MAX_INCOMING) ul.appendElement("li").text("… " + (members.size() - MAX_INCOMING) + " more");
        }
    }

    private static final java.util.regex.Pattern TRAILING_NUMBER = java.util.regex.Pattern.compile("(.*?)(\\d{1,18})(\\D*)");

    /** IRIs with numbered steps in their paths (fact/2, fact/10) in the order people count them. */
    private static final Comparator<String> NATURAL_ORDER = (a, b) -> {
        java.util.regex.Matcher ma = TRAILING_NUMBER.matcher(a), mb = TRAILING_NUMBER.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1))) {
            int c = Long.compare(Long.parseLong(ma.group(2)), Long.parseLong(mb.group(2)));
            if (c != 0) return c;
        }
        return a.compareTo(b);
    };

    private static void link(Element parent, String iri, DatasetGraph dsg, IriMapping iris) {
        String local = iris.pathOf(iri);
        String label = label(dsg, iri);
        Element a = parent.appendElement("a").attr("href", local != null ? local : iri).attr("title", iri);
        a.text(label != null ? label : W3C.prefixes(iris.base()).shortForm(iri));
    }

    /** A label for an IRI from the whole store, Chinese first. */
    static String label(DatasetGraph dsg, String iri) {
        for (Node p : List.of(SKOS.prefLabel.asNode(), RDFS.label.asNode(), DCTerms.title.asNode())) {
            String zh = null, any = null;
            var it = dsg.find(Node.ANY, NodeFactory.createURI(iri), p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                if (o.getLiteralLanguage().startsWith("zh") && zh == null) zh = o.getLiteralLexicalForm();
                if (any == null) any = o.getLiteralLexicalForm();
            }
            if (zh != null) return zh;
            if (any != null) return any;
        }
        return null;
    }

    private static String first(DatasetGraph dsg, String iri, Node p) {
        return first(dsg, iri, p, false);
    }

    /** The first value of {@code p}: a literal's text, or with {@code iri} true an IRI. */
    private static String first(DatasetGraph dsg, String iri, Node p, boolean wantIri) {
        var it = dsg.find(Node.ANY, NodeFactory.createURI(iri), p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (wantIri && o.isURI()) return o.getURI();
            if (!wantIri && o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#222}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;vertical-align:top;text-align:left}
            td:first-child{width:14em}blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #c33;color:#444}
            .iri code{font-size:.9em;color:#555}.lang{color:#999;font-size:.8em;margin-left:.3em}.nav,.raw{font-size:.9em}
            details.incoming{margin:.3em 0}summary{cursor:pointer}
            .long{max-height:12em;overflow:auto;white-space:pre-wrap}a{color:#1a5fb4;text-decoration:none}
            """;
}
