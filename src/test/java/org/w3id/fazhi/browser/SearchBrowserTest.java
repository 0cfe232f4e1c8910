package org.w3id.fazhi.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page in headless Chromium: a search typed into the form, then narrowed by clicking a
 * province and then a section; the URL carries both and the counts agree. Saves
 * {@code target/screenshots/search.png} (and {@code search-phone.png} at a phone's width).
 */
class SearchBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs a script that leaves the page (a click, a submit) and waits for the next page to load. */
    static void leaveBy(String script) {
        browser.evaluate("window.__leaving = true");
        browser.evaluate(script);
        browser.waitFor("!window.__leaving && document.readyState === 'complete'", "the next page after " + script);
    }

    static int total() {
        return Integer.parseInt(browser.text("document.querySelector('.count .total').innerText"));
    }

    /** Clicks the first value of a facet and returns the count the page showed beside it. */
    static int clickFirstValue(String facet) {
        String li = "document.querySelector('section.facet[data-facet=" + facet + "] li:not(.selected):not(.more)')";
        int count = Integer.parseInt(browser.text(li + ".querySelector('.n').innerText"));
        leaveBy(li + ".querySelector('a').click()");
        return count;
    }

    @Test
    void searchAndNarrowByTwoFacets() throws Exception {
        browser.clearErrors();
        browser.open(server.url("/search"));
        assertEquals(0, browser.evaluate("document.querySelectorAll('ol.hits li').length").asInt(), "the form only");
        browser.evaluate("document.querySelector('form.search input[name=q]').value = '行政复议'");
        leaveBy("document.querySelector('form.search button').click()");
        assertTrue(browser.text("location.search").contains("q="), browser.text("location.href"));
        int all = total();
        assertTrue(all > 0);
        assertTrue(browser.evaluate("document.querySelectorAll('ol.hits blockquote mark').length").asInt() > 0, "marks");

        int byProvince = clickFirstValue("province");
        assertEquals(byProvince, total());
        int bySection = clickFirstValue("section");
        assertEquals(bySection, total());
        assertTrue(bySection <= byProvince && byProvince <= all);
        String url = browser.text("location.href");
        assertTrue(url.contains("province=") && url.contains("section=") && url.contains("q="), url);
        assertEquals(2, browser.evaluate("document.querySelectorAll('.chosen a.chip').length").asInt());
        browser.screenshot(SCREENSHOTS.resolve("search.png"));

        // At a phone's width nothing is wider than the screen.
        browser.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", 390).put("height", 844)
                .put("deviceScaleFactor", 1).put("mobile", true));
        try {
            browser.open(url);
            int width = browser.evaluate("document.documentElement.scrollWidth").asInt();
            assertTrue(width <= 390, "the page is " + width + " px wide on a 390 px screen");
            browser.screenshot(SCREENSHOTS.resolve("search-phone.png"));
        } finally {
            browser.send("Emulation.clearDeviceMetricsOverride", null);
        }

        // Removing a condition by its chip widens the search again.
        leaveBy("document.querySelector('.chosen a.chip').click()");
        assertEquals(1, browser.evaluate("document.querySelectorAll('.chosen a.chip').length").asInt());
        assertTrue(total() >= bySection);
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }
}
