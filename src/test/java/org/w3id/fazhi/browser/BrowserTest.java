package org.w3id.fazhi.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.server.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test shares: the server over the five reports, one headless Chromium, and
 * the folder screenshots go to. Skipped where there is no Chromium.
 */
@ExtendWith(TestServer.Shared.class)
abstract class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static TestServer server;
    static HeadlessChromium browser;

    @BeforeAll
    static void start(TestServer shared) throws Exception {
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "no " + HeadlessChromium.BINARY);
        server = shared;
        browser = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        browser = null;
    }
}
