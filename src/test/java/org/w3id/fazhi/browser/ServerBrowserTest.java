package org.w3id.fazhi.browser;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as a person sees it, in headless Chromium: the Fuseki UI lists the dataset and runs
 * a query, and a report's linked-data page shows its title and the quotes behind its facts.
 * Screenshots go to {@code target/screenshots/}. Skipped where there is no Chromium.
 */
class ServerBrowserTest extends BrowserTest {

    static final String REPORTS_QUERY = """
            PREFIX fz: <https://w3id.org/fazhi/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?title WHERE { ?report a fz:Report ; rdfs:label ?title } ORDER BY ?title
            """;

    /** The report titles as the endpoint gives them, to compare the UI's table with. */
    static List<String> reportTitles() throws Exception {
        String csv = server.query(REPORTS_QUERY, "text/csv").body();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        return lines.subList(1, lines.size());
    }

    @Test
    void uiListsTheDatasetAndRunsAQuery() throws Exception {
        browser.open(server.url());
        browser.waitFor("document.body.innerText.includes('/kg')", "the dataset /kg listed");
        browser.screenshot(SCREENSHOTS.resolve("ui-datasets.png"));
        // A read-only public UI: nothing visible leads to a write, and the version is Fuseki's.
        String writes = "[...document.querySelectorAll('button, a')].filter(e => e.offsetParent !== null"
                + " && /^(add data|edit|manage|new dataset|existing datasets|tasks|remove|backup)$/.test(e.innerText.trim()))"
                + ".map(e => e.innerText.trim())";
        assertEquals("[]", browser.text("JSON.stringify(" + writes + ")"),
                "no write buttons on the dataset list");
        browser.waitFor("document.body.innerText.includes('Version 5.')", "Fuseki's version");
        assertTrue(!browser.text("document.body.innerText").contains("SNAPSHOT"), "not the project's version");

        // The dataset list's own button to the query page.
        browser.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'query').click()");
        browser.waitFor("document.querySelector('.yasqe .CodeMirror') && document.querySelector('.yasqe_queryButton')",
                "the query editor");
        assertEquals("[]", browser.text("JSON.stringify(" + writes + ")"),
                "no add data or edit tabs on the query page");
        browser.evaluate("document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue(" + HeadlessChromium.literal(REPORTS_QUERY) + ")");
        browser.evaluate("document.querySelector('.yasqe_queryButton').click()");
        browser.waitFor("document.querySelectorAll('.yasr table tbody tr').length >= 5", "five result rows");
        browser.screenshot(SCREENSHOTS.resolve("ui-query.png"));

        String table = browser.text("document.querySelector('.yasr table tbody').innerText");
        List<String> titles = reportTitles();
        assertEquals(5, titles.size(), "the store holds five reports");
        for (String title : titles) assertTrue(table.contains(title), "results show " + title + ":\n" + table);
        assertTrue(table.contains("南昌县政府2023年度法治政府建设工作报告"), table);
    }

    @Test
    void reportPageShowsTitleAndQuotes() throws Exception {
        browser.open(server.url("/id/report/360121-2023"));
        browser.screenshot(SCREENSHOTS.resolve("report-360121-2023.png"));
        assertEquals("南昌县政府2023年度法治政府建设工作报告", browser.text("document.querySelector('h1').innerText"));
        String visible = browser.text("document.body.innerText");
        assertTrue(visible.contains("全年共收到行政复议申请233件"), "the quote behind the reconsideration figure");
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }
}
