package org.w3id.fazhi.server;

import org.apache.jena.query.Dataset;

import java.util.List;

/**
 * The HTML representation of an IRI: the page of its kind (a report, a region, a program, an
 * indicator) when there is one for it, else the generic {@link ResourcePage}. Called inside a read
 * transaction.
 */
final class ThingPages {

    /** A page for one kind of thing; null when the IRI is not of that kind. */
    interface Page {
        String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris);
    }

    /** The pages of kinds, tried in order. */
    private static final List<Page> PAGES = List.of(ReportPage.INSTANCE, new RegionPage(), new ProgramPage(), new IndicatorPage());

    private ThingPages() {}

    static String render(String iri, LinkedDataServlet.Description d, Dataset dataset, IriMapping iris) {
        for (Page p : PAGES) {
            String html = p.render(iri, d, dataset, iris);
            if (html != null) return html;
        }
        return ResourcePage.render(iri, d, dataset, iris);
    }
}
