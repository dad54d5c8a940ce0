package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fixtures themselves: each page loads at its site's host name, and its editor library holds
 * exactly what is typed (line breaks, a blank line, emoji), so failures elsewhere are the extension's.
 * The test's own DOM walker (probe.js), used to find words on screen, reads the same text.
 */
class FixturePagesTest extends BrowserTest {
    static final String TEXT = "Line one with #tag and @name\nsecond line \uD83D\uDE00 \u2764\n\nfourth after a blank line\n";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void editorHoldsWhatWasTyped(Fixture fixture) {
        BrowserPage page = open(fixture);
        assertEquals(fixture.host, page.js("return location.hostname"), "served at the site's host name");
        page.type(TEXT);
        assertEquals(TEXT, page.editorText(), fixture + ": the editor library's text");
        if (fixture.kind == Fixture.Kind.CONTENTEDITABLE) {
            assertEquals(TEXT, page.walkerText(), fixture + ": the test's DOM walker reads the same text");
        }
    }
}
