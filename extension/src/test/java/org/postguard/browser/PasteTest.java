package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A risky post pasted in one go (Ctrl+V from the real clipboard, handled by the editor library
 * itself) lands whole and is warned about. How long after the paste the warning came is reported,
 * not asserted (the paste path skips the typing pause; a timed limit would flake on a busy machine).
 */
class PasteTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void aPastedRiskyPostLandsWholeAndIsWarnedAbout(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.putOnClipboard(Posts.RISKY);
        page.type(Keys.chord(Keys.CONTROL, "v"));
        Map<String, Object> seen = page.awaitState("warnings", STATE_TIMEOUT_MS);
        Report.line(String.format("paste    %-10s %4d ms after the paste", fixture.page,
            Math.round(((Number) seen.get("sinceInput")).doubleValue())));
        assertEquals(Posts.RISKY, page.editorText(), fixture + ": the editor holds exactly what was pasted");
        Map<String, Object> badge = page.badge();
        assertTrue(Integer.parseInt(String.valueOf(badge.get("count"))) >= 1, "badge data-count: " + badge);
        assertTrue(List.of("low", "medium", "high").contains(badge.get("severity")), "badge data-severity: " + badge);
    }
}
