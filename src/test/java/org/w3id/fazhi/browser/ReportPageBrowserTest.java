package org.w3id.fazhi.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report's page in headless Chromium: the text reads with its marks, a click on a marked figure
 * shows its details, the summary stacks under a phone-width screen, and the overview page shows
 * its counts. Screenshots go to {@code target/screenshots/}.
 */
class ReportPageBrowserTest extends BrowserTest {

    static final String REPORT = "/id/report/360121-2023";
    static final String FIGURE = "document.getElementById('observation-reconsideration-received')";

    @Test
    void clickingAFactShowsItsDetails() throws Exception {
        browser.clearErrors();
        browser.open(server.url(REPORT));
        assertEquals("南昌县政府2023年度法治政府建设工作报告", browser.text("document.querySelector('h1').innerText"));
        assertTrue(browser.evaluate("document.querySelectorAll('.text mark').length").asInt() > 50, "the marks are there");
        assertTrue(browser.evaluate("document.getElementById('mark-details').hidden").asBoolean(), "no details before a click");

        browser.evaluate(FIGURE + ".scrollIntoView({block: 'center'})");
        browser.evaluate(FIGURE + ".click()");
        browser.waitFor("!document.getElementById('mark-details').hidden", "the details box");
        String details = browser.text("document.getElementById('mark-details').innerText");
        assertTrue(details.contains("233"), details);
        assertTrue(details.contains("行政复议申请收到数"), details);
        assertTrue(details.contains("件"), details);
        assertTrue(browser.evaluate(FIGURE + ".classList.contains('selected')").asBoolean());
        assertEquals("/id/indicator/reconsideration-received",
                browser.text("new URL(document.querySelector('#mark-details dd.indicator a').href).pathname"));
        viewport(SCREENSHOTS.resolve("report-page-details.png"));
        browser.evaluate("window.scrollTo(0, 0)");
        browser.screenshot(SCREENSHOTS.resolve("report-page.png"));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());

        // A real click at the mark's place, as a person makes it, shows another mark's details.
        browser.evaluate("document.querySelector('.text mark.program.practiced').scrollIntoView({block: 'center'})");
        var box = browser.evaluate("(() => { const r = document.querySelector('.text mark.program.practiced').getClientRects()[0];"
                + " return {x: r.left + 2, y: r.top + r.height / 2}; })()");
        for (String type : new String[]{"mousePressed", "mouseReleased"}) {
            browser.send("Input.dispatchMouseEvent", new ObjectMapper().createObjectNode().put("type", type)
                    .put("x", box.get("x").asDouble()).put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
        browser.waitFor("document.querySelector('#mark-details dd.program')", "a program's details");
        assertTrue(browser.text("document.getElementById('mark-details').innerText").contains("已实施"));
    }

    /** What the window shows now, as a PNG. */
    private static void viewport(Path file) throws Exception {
        var shot = browser.send("Page.captureScreenshot", new ObjectMapper().createObjectNode().put("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Test
    void summaryStacksOnAPhoneWidthScreen() throws Exception {
        var metrics = new ObjectMapper().createObjectNode().put("width", 390).put("height", 844)
                .put("deviceScaleFactor", 1).put("mobile", true);
        browser.send("Emulation.setDeviceMetricsOverride", metrics);
        try {
            browser.open(server.url(REPORT));
            double summaryWidth = browser.evaluate("document.querySelector('aside.summary').getBoundingClientRect().width").asDouble();
            double textWidth = browser.evaluate("document.querySelector('.report-text').getBoundingClientRect().width").asDouble();
            assertTrue(summaryWidth > 300 && textWidth > 300, summaryWidth + " / " + textWidth);
            assertTrue(browser.evaluate("document.documentElement.scrollWidth <= 390 + 1").asBoolean(), "no sideways scrolling");
            browser.screenshot(SCREENSHOTS.resolve("report-page-phone.png"));
        } finally {
            browser.send("Emulation.clearDeviceMetricsOverride", null);
        }
    }

    @Test
    void overviewShowsItsCounts() throws Exception {
        browser.open(server.url("/overview"));
        assertEquals("5", browser.text("document.querySelector('[data-count=reports]').innerText"));
        assertTrue(browser.evaluate("+document.querySelector('[data-count=observations]').innerText > 0").asBoolean());
        assertTrue(browser.evaluate("!!document.querySelector('form[action=\"/search\"] input[name=q]')").asBoolean());
        browser.screenshot(SCREENSHOTS.resolve("overview.png"));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }
}
