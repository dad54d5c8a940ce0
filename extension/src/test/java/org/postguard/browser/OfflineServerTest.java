package org.postguard.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openqa.selenium.Keys;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the server stopped the badge says so and typing is unaffected; once the server is back
 * on the same port, warnings come back without reloading the page (the extension retries).
 */
class OfflineServerTest extends BrowserTest {

    @AfterEach
    void serverBack() {
        env.backend.start();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void offlineBadgeThenWarningsWhenTheServerIsBack(Fixture fixture) {
        BrowserPage page = open(fixture);
        env.backend.stop();
        page.type(Posts.RISKY);
        Map<String, Object> offline = page.awaitState("offline", STATE_TIMEOUT_MS);
        @SuppressWarnings("unchecked")
        Map<String, Object> badge = (Map<String, Object>) ((Map<String, Object>) offline.get("state")).get("badge");
        assertTrue(page.underlines().isEmpty(), fixture + ": no underlines while offline");
        assertEquals(Posts.RISKY, page.editorText(), fixture + ": typing is unaffected while the server is down");

        // The offline badge explains how to start the server (its card names scripts/run).
        WarningCardTest.clickBadge(page);
        String cardText = page.waitUpTo(Duration.ofSeconds(5)).until(d -> page.cards().isEmpty() ? null
            : (String) page.cards().get(0).get("text"));
        assertTrue(cardText.contains("scripts/run"), fixture + ": the offline card says how to start the server: " + cardText);
        page.editor().sendKeys(Keys.ESCAPE);
        page.waitUpTo(Duration.ofSeconds(3)).until(d -> page.cards().isEmpty());
        page.type(" and more");
        assertEquals(Posts.RISKY + " and more", page.editorText(), fixture + ": typing is unaffected while the server is down");

        env.backend.start();
        // No typing and no reload: the extension retries by itself (3 s, then backing off up to 10 s).
        page.awaitState("warnings", 20_000);
        assertEquals(Posts.RISKY + " and more", page.editorText(), "the editor's text");
        assertTrue(badge != null, "badge");
    }
}
