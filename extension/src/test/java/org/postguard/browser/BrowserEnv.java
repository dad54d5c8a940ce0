package org.postguard.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the browser tests share, started once per test JVM and stopped at its exit: the real
 * backend on a free port, the HTTPS fixture server, and one headless Chromium with the unpacked
 * extension, pointed at that backend through the extension's options page.
 */
final class BrowserEnv implements AutoCloseable {
    private static BrowserEnv shared;
    private static RuntimeException startFailure;

    final Path workDir;
    final Path extensionDir;
    final Path artifacts;
    final TestBackend backend;
    final FixtureServer fixtures;
    final ChromiumBrowser browser;

    private BrowserEnv(Path workDir, Path extensionDir, Path artifacts, TestBackend backend,
                       FixtureServer fixtures, ChromiumBrowser browser) {
        this.workDir = workDir;
        this.extensionDir = extensionDir;
        this.artifacts = artifacts;
        this.backend = backend;
        this.fixtures = fixtures;
        this.browser = browser;
    }

    static synchronized BrowserEnv shared() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                startFailure = new IllegalStateException("Could not start the browser-test environment: " + e.getMessage(), e);
                throw startFailure;
            }
            BrowserEnv env = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(env::close, "browser-env-close"));
        }
        return shared;
    }

    private static BrowserEnv start() throws Exception {
        Path project = projectDir();
        Path fixturesDir = Path.of(System.getProperty("postguard.fixtures", project.resolve("target/fixtures").toString()));
        Path extensionDir = Path.of(System.getProperty("postguard.webext", project.resolve("webext").toString()));
        Path artifacts = Path.of(System.getProperty("postguard.artifacts", project.resolve("target/browser-artifacts").toString()));
        Files.createDirectories(artifacts);
        if (!Files.isRegularFile(extensionDir.resolve("manifest.json"))) {
            throw new IllegalStateException("No extension at " + extensionDir + " (manifest.json missing)");
        }
        Path workDir = Files.createTempDirectory("postguard-browser-");
        TestBackend backend = null;
        FixtureServer fixtures = null;
        try {
            backend = Boolean.getBoolean("postguard.smokeNoBackend") ? null : TestBackend.startOnFreePort();
            fixtures = FixtureServer.start(fixturesDir, workDir);
            ChromiumBrowser browser = ChromiumBrowser.launch(extensionDir, workDir.resolve("profile"));
            BrowserEnv env = new BrowserEnv(workDir, extensionDir, artifacts, backend, fixtures, browser);
            if (backend != null) env.pointExtensionAtBackend();
            return env;
        } catch (Exception | Error e) {
            if (fixtures != null) fixtures.close();
            if (backend != null) backend.close();
            deleteTree(workDir);
            throw e;
        }
    }

    /** extension/ (the Maven module), whether run from Maven or from an IDE at the repository root. */
    static Path projectDir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("webext"))) return here;
        if (Files.isDirectory(here.resolve("extension/webext"))) return here.resolve("extension");
        return here;
    }

    String extensionUrl(String path) {
        return "chrome-extension://" + browser.extensionId + "/" + path;
    }

    String optionsPageUrl() {
        return extensionUrl(ManifestInfo.read(extensionDir).optionsPage());
    }

    /**
     * Opens the extension's options page and sets the server address to the test backend's
     * (stored setting "serverUrl", the one the options page's server field writes). Also clears
     * the ignored phrases and site switches, so each test class starts from the defaults.
     */
    void pointExtensionAtBackend() {
        var driver = browser.driver;
        driver.get(optionsPageUrl());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
            "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Object error = driver.executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            chrome.storage.local.set({serverUrl: arguments[0], ignoredPhrases: [], disabledSites: {}, disabledHosts: {}})
              .then(() => chrome.storage.local.get('serverUrl'))
              .then((s) => done(s.serverUrl === arguments[0] ? null : 'stored ' + JSON.stringify(s)), (e) => done(String(e)));
            """, backend.url());
        if (error != null) {
            throw new IllegalStateException("Could not set the extension's server address: " + error);
        }
    }

    /** The extension's stored settings, read from its options page. */
    @SuppressWarnings("unchecked")
    Map<String, Object> storedSettings() {
        var driver = browser.driver;
        driver.get(optionsPageUrl());
        return (Map<String, Object>) driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; chrome.storage.local.get(null).then(done, (e) => done({error: String(e)}));");
    }

    @Override
    public synchronized void close() {
        browser.close();
        fixtures.close();
        if (backend != null) backend.close();
        deleteTree(workDir);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Chromium may still hold a file; the temp dir is cleaned by the OS eventually
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
