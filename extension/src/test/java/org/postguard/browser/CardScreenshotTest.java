package org.postguard.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saves docs/screenshot-card.png: an open warning card on the X fixture, for the README. */
class CardScreenshotTest extends BrowserTest {

    @Test
    void screenshotOfAnOpenCardOnX() throws Exception {
        BrowserPage page = open(Fixture.X);
        page.type(Posts.RISKY);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        page.awaitAlignment(Posts.RISKY, java.time.Duration.ofSeconds(2));
        WarningCardTest.clickBadge(page);
        WarningCardTest.awaitCard(page);
        Path docs = Path.of(System.getProperty("postguard.docs", BrowserEnv.projectDir().resolve("../docs").toString()));
        Path file = docs.toAbsolutePath().normalize().resolve("screenshot-card.png");
        page.screenshot(file);
        assertTrue(Files.size(file) > 10_000, "screenshot written to " + file);
    }
}
