package org.w3id.fazhi.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of a region, a program and an indicator as a person sees them in headless Chromium:
 * their headings and numbers, their charts drawn (ECharts from the jar, under the server's
 * Content-Security-Policy), no script errors, and no sideways scrolling on a phone-width screen.
 * Screenshots go to {@code target/screenshots/} (region.png, program.png, indicator.png,
 * region-phone.png).
 */
class ThingPagesBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void opened(String path, String title) {
        browser.clearErrors();
        browser.open(server.url(path));
        assertEquals(title, browser.text("document.querySelector('h1').innerText"));
    }

    private static void chartsDrawn(String what) {
        browser.waitFor("[...document.querySelectorAll('.chart')].length > 0 && [...document.querySelectorAll('.chart')]"
                + ".every(c => c.querySelector('canvas') && c.querySelector('canvas').width > 0)", what + " draws its charts");
    }

    @Test
    void regionPage() throws Exception {
        opened("/id/region/360121", "南昌县");
        String visible = browser.text("document.body.innerText");
        assertTrue(visible.contains("南昌县政府2023年度法治政府建设工作报告"), "its report");
        assertTrue(visible.contains("全年共收到行政复议申请233件"), "the quote behind 233");
        browser.screenshot(SCREENSHOTS.resolve("region.png"));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }

    @Test
    void programPage() throws Exception {
        opened("/id/program/fengqiao-experience", "枫桥经验");
        chartsDrawn("the program page");
        String visible = browser.text("document.querySelector('#regions').innerText");
        for (String region : new String[] {"甘肃省张掖市高台县", "广东省汕尾市城区", "湖北省襄阳市高新技术产业开发区"}) {
            assertTrue(visible.contains(region), region);
        }
        browser.screenshot(SCREENSHOTS.resolve("program.png"));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }

    @Test
    void indicatorPage() throws Exception {
        opened("/id/indicator/reconsideration-received", "行政复议申请收到数");
        chartsDrawn("the indicator page");
        assertTrue(browser.text("document.querySelector('#observations').innerText").contains("南昌县"));
        browser.screenshot(SCREENSHOTS.resolve("indicator.png"));
        assertTrue(browser.errors().isEmpty(), browser.errors().toString());
    }

    /** On a 390-pixel screen the page does not scroll sideways: wide tables scroll in their own box. */
    @Test
    void regionPageFitsAPhone() throws Exception {
        int width = 390, height = 844;
        browser.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", true));
        try {
            opened("/id/region/360121", "南昌县");
            int scrollWidth = browser.evaluate("document.documentElement.scrollWidth").asInt();
            assertTrue(scrollWidth <= width, "page width " + scrollWidth + " on a " + width + "-pixel screen");
            JsonNode metrics = browser.send("Page.getLayoutMetrics", null);
            double full = Math.min(5000, metrics.path("cssContentSize").path("height").asDouble(height));
            ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", width).put("height", full).put("scale", 1);
            JsonNode shot = browser.send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
                    .put("captureBeyondViewport", true).set("clip", clip));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("region-phone.png"), Base64.getDecoder().decode(shot.path("data").asText()));
        } finally {
            browser.send("Emulation.clearDeviceMetricsOverride", null);
        }
    }
}
