package org.postguard.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** On a failed browser test: saves a screenshot and the overlay's state in target/browser-artifacts. */
final class FailureArtifacts implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        BrowserEnv env = BrowserEnv.sharedIfStarted();
        if (env == null) return;
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName())
            .replaceAll("[^A-Za-z0-9._-]+", "_");
        try {
            Path dir = env.artifacts;
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), env.browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Object state = env.browser.driver.executeScript(
                "const h = document.querySelector('postguard-overlay');"
                    + "return JSON.stringify({url: location.href, overlay: h && h.shadowRoot ? h.shadowRoot.innerHTML.slice(0, 20000) : null,"
                    + " text: window.__pgFixture ? window.__pgFixture.getText() : null});");
            Files.writeString(dir.resolve(name + ".json"), String.valueOf(state));
        } catch (IOException | RuntimeException e) {
            // artifacts are best effort
        }
    }
}
