package org.w3id.fazhi.browser;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saved-query pages in headless Chromium: a query with a parameter shows its rows, and the
 * chart views draw (ECharts from the jar, no network). Screenshots go to {@code target/screenshots/}.
 */
class SavedQueryBrowserTest extends BrowserTest {

    @Test
    void queryWithAParameterShowsItsRows() throws Exception {
        browser.open(server.url("/queries"));
        browser.waitFor("document.querySelectorAll('table.queries a[href^=\"/queries/\"]').length >= 15", "the list of queries");
        browser.screenshot(SCREENSHOTS.resolve("queries-list.png"));

        browser.clearErrors();
        browser.open(server.url("/queries/regions-practising-program?program=" + URLEncoder.encode("枫桥经验", StandardCharsets.UTF_8)));
        browser.waitFor("document.querySelectorAll('table.results tbody tr').length > 0", "result rows");
        browser.screenshot(SCREENSHOTS.resolve("queries-regions-practising-program.png"));
        String rows = browser.text("document.querySelector('table.results tbody').innerText");
        assertTrue(rows.contains("枫桥经验"), rows);
        assertEquals("枫桥经验", browser.text("document.querySelector('input[name=program]').value"));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }

    @Test
    void chartViewsDraw() throws Exception {
        for (String name : new String[] {"programs-shared", "region-timeline", "program-cooccurrence"}) {
            browser.clearErrors();
            browser.open(server.url("/queries/" + name));
            browser.waitFor("document.querySelector('#chart canvas') && document.querySelector('#chart canvas').width > 0",
                    name + " draws its chart");
            browser.screenshot(SCREENSHOTS.resolve("queries-" + name + ".png"));
            assertTrue(browser.errors().isEmpty(), name + ": " + browser.errors());
        }
    }
}
