package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A risky post is underlined, word by word, within a second; a safe post is not. */
class WarningsTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void riskyPostIsUnderlinedWithinOneSecondOfTheLastKeystroke(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.RISKY);
        Map<String, Object> seen = page.awaitState("warnings", STATE_TIMEOUT_MS);
        double sinceInput = ((Number) seen.get("sinceInput")).doubleValue();
        Report.line(String.format("warnings %-10s %4d ms after the last keystroke", fixture.page, Math.round(sinceInput)));
        assertTrue(sinceInput <= WARN_WITHIN_MS, fixture + ": warnings shown " + Math.round(sinceInput)
            + " ms after the last keystroke (limit " + WARN_WITHIN_MS + " ms)");

        assertEquals(Posts.RISKY, page.editorText(), "the editor holds exactly what was typed");
        Map<String, Object> badge = page.badge();
        assertTrue(Integer.parseInt(String.valueOf(badge.get("count"))) >= 1, "badge data-count: " + badge);
        assertTrue(List.of("low", "medium", "high").contains(badge.get("severity")), "badge data-severity: " + badge);

        List<String> problems = page.awaitAlignment(Posts.RISKY, Duration.ofSeconds(2));
        assertTrue(problems.isEmpty(), fixture + ": underlines not under their words:\n" + String.join("\n", problems));
        for (Map<String, Object> u : page.underlines()) {
            assertFalse(String.valueOf(u.get("category")).isBlank(), "underline data-category: " + u);
            assertTrue(List.of("low", "medium", "high").contains(u.get("severity")), "underline data-severity: " + u);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void safePostHasNoUnderlineAndAClearBadge(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.SAFE);
        Map<String, Object> seen = page.awaitState("clear", STATE_TIMEOUT_MS);
        double sinceInput = ((Number) seen.get("sinceInput")).doubleValue();
        Report.line(String.format("clear    %-10s %4d ms after the last keystroke", fixture.page, Math.round(sinceInput)));
        assertTrue(sinceInput <= WARN_WITHIN_MS, fixture + ": clear badge shown " + Math.round(sinceInput)
            + " ms after the last keystroke (limit " + WARN_WITHIN_MS + " ms)");
        assertEquals(List.of(), page.underlines(), fixture + ": a safe post has no underline");
        assertEquals(Posts.SAFE, page.editorText(), "the editor holds exactly what was typed");
    }
}
