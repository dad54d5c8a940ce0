package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Temporary: each fixture loads at its host name and types correctly. */
class FixtureSmokeTest {
    @ParameterizedTest
    @EnumSource(Fixture.class)
    void typesIntoTheFixture(Fixture fixture) {
        BrowserEnv env = BrowserEnv.shared();
        BrowserPage page = BrowserPage.open(env, fixture);
        String text = "Line one with #tag and @name\nsecond line\n\nfourth after blank\n";
        page.type(text);
        assertEquals(text, page.editorText(), "library text");
        if (fixture.kind == Fixture.Kind.CONTENTEDITABLE) assertEquals(text, page.walkerText(), "walker text");
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void typesEmoji(Fixture fixture) {
        BrowserEnv env = BrowserEnv.shared();
        BrowserPage page = BrowserPage.open(env, fixture);
        String text = "Hi \uD83D\uDE00 there \u2764 ok";
        page.type(text);
        assertEquals(text, page.editorText(), "library text");
    }
}
