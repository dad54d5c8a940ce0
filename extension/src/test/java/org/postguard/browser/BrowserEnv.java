package org.postguard.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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

    /** The shared environment when a test has started it, else null. */
    static synchronized BrowserEnv sharedIfStarted() {
        return shared;
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
        Files.deleteIfExists(artifacts.resolve("measurements.txt"));
        if (!Files.isRegularFile(extensionDir.resolve("manifest.json"))) {
            throw new IllegalStateException("No extension at " + extensionDir + " (manifest.json missing)");
        }
        Path workDir = Files.createTempDirectory("postguard-browser-");
        TestBackend backend = null;
        FixtureServer fixtures = null;
        try {
            backend = TestBackend.startOnFreePort();
            fixtures = FixtureServer.start(fixturesDir, workDir);
            ChromiumBrowser browser = ChromiumBrowser.launch(extensionDir, workDir.resolve("profile"));
            BrowserEnv env = new BrowserEnv(workDir, extensionDir, artifacts, backend, fixtures, browser);
            env.pointExtensionAtBackend();
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
     * Opens the extension's options page and sets the server address to the test backend's, as a
     * user would: types it into the Server "Address" field (#server-url), saves, and waits for the
     * page to report the server running there (the options page asks the extension's background,
     * which calls GET /api/v1/health). Also clears the ignored phrases and site switches through
     * storage, so each test starts from the defaults.
     */
    void pointExtensionAtBackend() {
        pointExtensionAt(backend.url());
    }

    /** Like {@link #pointExtensionAtBackend()}, for another server (e.g. one with hostile data). */
    void pointExtensionAt(String serverUrl) {
        pointExtension(browser, optionsPageUrl(), serverUrl);
    }

    /** Points the extension loaded in {@code browser} (options page at {@code optionsUrl}) at {@code serverUrl}. */
    static void pointExtension(ChromiumBrowser browser, String optionsUrl, String serverUrl) {
        var driver = browser.driver;
        driver.get(optionsUrl);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Object loaded = driver.executeScript("return typeof chrome !== 'undefined' && !!chrome.storage");
        if (!Boolean.TRUE.equals(loaded)) {
            throw new IllegalStateException("The extension did not load from " + browser.extensionDir + " (id " + browser.extensionId
                + "): its options page " + optionsUrl + " has no extension APIs. Check manifest.json and the files it names.");
        }
        Object error = driver.executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            chrome.storage.local.set({ignoredPhrases: [], disabledSites: {}, disabledHosts: {}})
              .then(() => done(null), (e) => done(String(e)));
            """);
        if (error != null) {
            throw new IllegalStateException("Could not reset the extension's settings: " + error);
        }
        List<WebElement> field = driver.findElements(By.id("server-url"));
        if (field.isEmpty()) {
            throw new IllegalStateException("The options page " + optionsUrl + " has no server address field #server-url");
        }
        // The page fills the field with the stored address once it has loaded the settings.
        wait.until(d -> !field.get(0).getDomProperty("value").isEmpty());
        if (!serverUrl.equals(field.get(0).getDomProperty("value"))) {
            field.get(0).clear();
            field.get(0).sendKeys(serverUrl);
            driver.findElement(By.cssSelector("#server-form button[type=submit]")).click();
        }
        try {
            wait.until(d -> {
                String status = d.findElement(By.id("server-status")).getText();
                return status.contains("running at " + serverUrl);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new IllegalStateException("The options page did not confirm the server at " + serverUrl
                + "; it says: " + driver.findElement(By.id("server-status")).getText() + "; stored: " + storedSettingsHere(driver), e);
        }
    }

    /** The extension's stored settings, read from its options page. */
    Map<String, Object> storedSettings() {
        browser.driver.get(optionsPageUrl());
        return storedSettingsHere(browser.driver);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> storedSettingsHere(org.openqa.selenium.chrome.ChromeDriver driver) {
        return (Map<String, Object>) driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; chrome.storage.local.get(null).then(done, (e) => done({error: String(e)}));");
    }

    @Override
    public synchronized void close() {
        browser.close();
        fixtures.close();
        backend.close();
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
