package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Underlines lie under their words (bottom within 3 px of the words' text bottom, ends within
 * 3 px) on a later line of a multi-line post, after emoji, and after the page scrolls.
 */
class UnderlinePositionTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void wordsOnTheThirdLine(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.THIRD_LINE);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        assertEquals(Posts.THIRD_LINE, page.editorText(), "the editor holds exactly what was typed");
        assertAligned(page, Posts.THIRD_LINE);
        int thirdLine = Posts.THIRD_LINE.lastIndexOf('\n') + 1;
        assertTrue(page.underlines().stream().allMatch(u -> ((Number) u.get("start")).intValue() >= thirdLine),
            fixture + ": every underline is in the third line (offset >= " + thirdLine + "): " + page.underlines());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void wordsAfterEmoji(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.AFTER_EMOJI);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        assertEquals(Posts.AFTER_EMOJI, page.editorText(), "the editor holds exactly what was typed");
        assertAligned(page, Posts.AFTER_EMOJI);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void wordsAfterThePageScrolls(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.RISKY);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        assertAligned(page, Posts.RISKY);
        double before = ((Number) page.js("return window.scrollY")).doubleValue();
        page.js("window.scrollBy(0, 40)");
        double after = ((Number) page.js("return window.scrollY")).doubleValue();
        assertTrue(after > before, fixture + ": the fixture page must scroll (scrollY " + before + " -> " + after + ")");
        assertAligned(page, Posts.RISKY);
    }

    static void assertAligned(BrowserPage page, String typed) {
        List<String> problems = page.awaitAlignment(typed, Duration.ofSeconds(2));
        assertTrue(problems.isEmpty(), page.fixture + ": underlines not under their words:\n" + String.join("\n", problems));
        List<Map<String, Object>> underlines = page.underlines();
        assertTrue(!underlines.isEmpty(), page.fixture + ": no underlines");
    }
}
