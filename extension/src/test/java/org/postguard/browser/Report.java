package org.postguard.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Measurements worth reading after a run, in target/browser-artifacts/measurements.txt. */
final class Report {
    private Report() {
    }

    static synchronized void line(String text) {
        BrowserEnv env = BrowserEnv.sharedIfStarted();
        if (env == null) return;
        try {
            Files.writeString(env.artifacts.resolve("measurements.txt"), text + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // best effort
        }
    }

    static Path file(BrowserEnv env) {
        return env.artifacts.resolve("measurements.txt");
    }
}
