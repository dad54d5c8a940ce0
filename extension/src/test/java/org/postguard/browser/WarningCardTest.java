package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The warning card: opened by clicking the badge or hovering an underline; guidance links are the
 * category's links (which include the GMC social-media guidance); "Ignore" removes that warning;
 * "Don't warn about this phrase again" removes it, keeps it away after retyping, and lists the
 * phrase in the options page.
 */
class WarningCardTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void badgeClickOpensTheCardWithGuidanceLinks(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.SEVERAL);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        int count = badgeCount(page);
        assertTrue(count >= 2, fixture + ": the post has warnings of two categories; badge " + page.badge());

        clickBadge(page);
        Map<String, Object> card = awaitCard(page);
        assertEquals("dialog", card.get("role"), "card role");
        List<Map<String, Object>> warnings = warnings(card);
        assertEquals(count, warnings.size(), fixture + ": the badge's card lists every warning (data-count " + count + ")");

        Guidance guidance = Guidance.fetch(env.backend);
        assertFalse(guidance.socialMediaGuidance().isEmpty(), "the backend's guidance links the GMC social-media guidance");
        for (Map<String, Object> w : warnings) {
            assertFalse(String.valueOf(w.get("message")).isBlank(), "warning message: " + w);
            assertTrue((Boolean) w.get("ignore") && (Boolean) w.get("never"), "Ignore and Don't warn buttons: " + w);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) w.get("links");
            assertFalse(links.isEmpty(), fixture + ": a warning has at least one guidance link: " + w);
            String category = (String) w.get("dataCategory");
            Set<String> allowed = guidance.allowedFor(category);
            for (Map<String, Object> link : links) {
                assertTrue(allowed.contains(link.get("href")), fixture + ": link " + link.get("href")
                    + " of a " + category + " warning is not one of " + allowed);
                assertEquals("_blank", link.get("target"), "link target");
                assertTrue(String.valueOf(link.get("rel")).contains("noopener")
                    && String.valueOf(link.get("rel")).contains("noreferrer"), "link rel: " + link);
            }
        }

        page.editor().sendKeys(Keys.ESCAPE);
        page.waitUpTo(Duration.ofSeconds(3)).until(d -> page.cards().isEmpty());
        assertEquals(Posts.SEVERAL, page.editorText(), "the card leaves the editor's text alone");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void hoveringAnUnderlineOpensTheCard(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.RISKY);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        page.awaitAlignment(Posts.RISKY, Duration.ofSeconds(2));
        assertTrue(page.cards().isEmpty(), "no card before hovering");
        WebElement underline = overlayElement(page, ".pg-underline");
        String rule = underline.getDomAttribute("data-rule");
        new Actions(page.driver).moveToElement(underline).pause(Duration.ofMillis(50)).moveByOffset(1, 0).perform();
        Map<String, Object> card = awaitCard(page);
        assertTrue(warnings(card).stream().anyMatch(w -> rule.equals(w.get("dataRule"))),
            fixture + ": the hover card shows the underline's warning (" + rule + "): " + card);
        assertEquals(Posts.RISKY, page.editorText(), "hovering leaves the editor's text alone");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void ignoreRemovesThatWarning(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.SEVERAL);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        int count = badgeCount(page);
        clickBadge(page);
        Map<String, Object> card = awaitCard(page);
        List<String> rules = warnings(card).stream().map(w -> (String) w.get("dataRule")).toList();
        String ignored = rules.get(0);
        overlayElement(page, ".pg-card .pg-warning[data-rule='" + ignored + "'] button.pg-ignore").click();
        awaitCount(page, count - 1);
        if (rules.stream().filter(ignored::equals).count() == 1) {
            // The badge changes at once; underlines are laid out on the next animation frame.
            try {
                page.waitUpTo(Duration.ofSeconds(5)).until(d -> !underlineRules(page).contains(ignored));
            } catch (org.openqa.selenium.TimeoutException e) {
                fail(fixture + ": no underline of the ignored warning " + ignored + "; underlines " + underlineRules(page));
            }
        }
        assertEquals(Posts.SEVERAL, page.editorText(), "Ignore leaves the editor's text alone");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void dontWarnAgainStaysAwayAfterRetypingAndIsListedInTheOptions(Fixture fixture) {
        try {
            dontWarnAgain(fixture);
        } finally {
            env.pointExtensionAtBackend(); // forgets the ignored phrases again
        }
    }

    private void dontWarnAgain(Fixture fixture) {
        BrowserPage page = open(fixture);
        page.type(Posts.SEVERAL);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        int count = badgeCount(page);
        clickBadge(page);
        Map<String, Object> card = awaitCard(page);
        // The conflict-of-interest phrase: the confidentiality warning must stay.
        String rule = warnings(card).stream().filter(w -> !"confidentiality".equals(w.get("dataCategory")))
            .map(w -> (String) w.get("dataRule")).findFirst().orElseThrow();
        overlayElement(page, ".pg-card .pg-warning[data-rule='" + rule + "'] button.pg-never").click();
        page.waitUpTo(Duration.ofSeconds(5)).until(d -> badgeCount(page) < count && !underlineRules(page).contains(rule));
        assertEquals(Posts.SEVERAL, page.editorText(), "Don't warn leaves the editor's text alone");

        // Retype the same post on a fresh page: that phrase stays ignored, the rest still warns.
        BrowserPage again = open(fixture);
        again.type(Posts.SEVERAL);
        again.awaitState("warnings", STATE_TIMEOUT_MS);
        again.awaitState("settled", STATE_TIMEOUT_MS);
        Set<String> rules = underlineRules(again);
        assertFalse(rules.contains(rule), fixture + ": after retyping, the " + rule + " warning stays away; underlines " + rules);
        assertTrue(again.underlines().stream().anyMatch(u -> "confidentiality".equals(u.get("category"))),
            fixture + ": the confidentiality warning is still shown: " + again.underlines());

        // The options page lists the phrase.
        Map<String, Object> stored = env.storedSettings();
        @SuppressWarnings("unchecked")
        List<String> phrases = (List<String>) stored.get("ignoredPhrases");
        assertTrue(phrases != null && !phrases.isEmpty(), "ignoredPhrases stored: " + stored);
        assertTrue(phrases.stream().allMatch(p -> Posts.SEVERAL.toLowerCase().contains(p)),
            "the ignored phrases come from the post: " + phrases);
        String listed = page.waitUpTo(Duration.ofSeconds(5)).until(d -> {
            List<WebElement> list = d.findElements(By.id("phrase-list"));
            String text = (list.isEmpty() ? d.findElement(By.tagName("body")) : list.get(0)).getText().toLowerCase();
            return phrases.stream().allMatch(p -> text.contains(p.toLowerCase())) ? text : null;
        });
        assertFalse(listed.isBlank(), "the options page lists " + phrases);
    }

    // ---------------------------------------------------------------------------------------------

    static int badgeCount(BrowserPage page) {
        Map<String, Object> badge = page.badge();
        if (badge == null || "clear".equals(badge.get("state"))) return 0;
        return Integer.parseInt(String.valueOf(badge.get("count")));
    }

    static Set<String> underlineRules(BrowserPage page) {
        return page.underlines().stream().map(u -> (String) u.get("rule")).collect(Collectors.toSet());
    }

    static SearchContext overlay(BrowserPage page) {
        return page.driver.findElement(By.cssSelector("postguard-overlay")).getShadowRoot();
    }

    static WebElement overlayElement(BrowserPage page, String css) {
        return page.waitUpTo(Duration.ofSeconds(5)).until(d -> {
            List<WebElement> found = overlay(page).findElements(By.cssSelector(css));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    static void clickBadge(BrowserPage page) {
        overlayElement(page, ".pg-badge[data-editor='" + page.badge().get("editor") + "']").click();
    }

    static Map<String, Object> awaitCard(BrowserPage page) {
        return page.waitUpTo(Duration.ofSeconds(5)).until(d -> {
            List<Map<String, Object>> cards = page.cards();
            return cards.isEmpty() || warnings(cards.get(0)).isEmpty() ? null : cards.get(0);
        });
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> warnings(Map<String, Object> card) {
        return (List<Map<String, Object>>) card.get("warnings");
    }

    static void awaitCount(BrowserPage page, int expected) {
        page.waitUpTo(Duration.ofSeconds(5)).until(d -> {
            Map<String, Object> badge = page.badge();
            if (badge == null) return false;
            if (expected == 0) return "clear".equals(badge.get("state")) && page.underlines().isEmpty();
            return "warnings".equals(badge.get("state")) && String.valueOf(expected).equals(String.valueOf(badge.get("count")));
        });
    }
}
