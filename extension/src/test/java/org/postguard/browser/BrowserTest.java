package org.postguard.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the browser tests: the shared environment and failure artifacts. */
@Tag("browser")
@ExtendWith(FailureArtifacts.class)
abstract class BrowserTest {
    /** The extension debounces 250 ms; a check must be shown within this long after the last keystroke. */
    static final long WARN_WITHIN_MS = 1000;
    /** How long waits for a state go on before failing (generous: the machine is small and shared). */
    static final long STATE_TIMEOUT_MS = 8000;

    static BrowserEnv env;

    @BeforeAll
    static void startEnvironment() {
        env = BrowserEnv.shared();
    }

    static BrowserPage open(Fixture fixture) {
        return BrowserPage.open(env, fixture);
    }
}
