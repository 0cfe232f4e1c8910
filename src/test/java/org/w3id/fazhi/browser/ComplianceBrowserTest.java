package org.w3id.fazhi.browser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance sections as a person sees them in headless Chromium: a report's card (a click on
 * a part goes to where it stands in the text), a region's record, and the national table of
 * {@code /overview} with its chart drawn under the server's Content-Security-Policy; no script
 * errors. Screenshots: compliance-card.png, compliance-region.png, compliance-overview.png in
 * {@code target/screenshots/}.
 */
class ComplianceBrowserTest extends BrowserTest {

    /** Opens a page and gives the text of its compliance section. */
    private static String section(String path) {
        browser.clearErrors();
        browser.open(server.url(path));
        return browser.text("document.querySelector('#compliance').innerText");
    }

    /** Saves the page and fails on any script error it had. */
    private static void shot(String file) throws Exception {
        browser.screenshot(SCREENSHOTS.resolve(file));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }

    @Test
    void aReportsCardTakesAClickToWhereThePartStands() throws Exception {
        String card = section("/id/report/360121-2023");
        // 南昌县 2023: every part, published 2024-01-25, before the last day 2024-03-31.
        assertTrue(card.contains("二、存在的主要问题") && card.contains("三、主要负责人履行职责情况"), card);
        assertTrue(card.contains("2024-01-25") && card.contains("2024-03-31"), card);
        assertEquals(6, browser.evaluate("document.querySelectorAll('#compliance tr.passed').length").asInt(), card);
        browser.evaluate("document.querySelector('#compliance tr[data-requirement=ShortcomingsPart] a.where').click()");
        browser.waitFor("location.hash.startsWith('#section-')", "the link to the problems part");
        String target = browser.text("document.getElementById(location.hash.substring(1)).innerText");
        assertEquals("二、存在的主要问题", target.strip());
        shot("compliance-card.png");
    }

    @Test
    void aRegionsRecordShowsTheLateReport() throws Exception {
        String record = section("/id/region/620724");
        assertTrue(record.contains("2021-04-01") && record.contains("1 天 days late"), record);
        shot("compliance-region.png");
    }

    @Test
    void theOverviewDrawsTheNationalChart() throws Exception {
        section("/overview");
        browser.waitFor("document.querySelector('#chart-compliance canvas') && document.querySelector('#chart-compliance canvas').width > 0",
                "the national chart");
        String table = browser.text("document.querySelector('#compliance table').innerText");
        for (String province : new String[] {"广东省", "江西省", "湖北省", "甘肃省", "辽宁省"}) assertTrue(table.contains(province), province);
        shot("compliance-overview.png");
    }
}
