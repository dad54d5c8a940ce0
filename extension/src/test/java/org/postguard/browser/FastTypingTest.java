package org.postguard.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 2,000 characters typed at full speed leave the editor holding exactly what was typed. */
class FastTypingTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixture.class)
    void twoThousandCharactersAtFullSpeed(Fixture fixture) {
        String text = Posts.longPost(2000);
        BrowserPage page = open(fixture);
        page.typeInChunks(text, 500);
        // Let the extension check the text (its badge settles), then compare with the library's own text.
        page.awaitState("settled", STATE_TIMEOUT_MS);
        assertEquals(text, page.editorText(), fixture + ": the editor library's text after fast typing");
    }
}
