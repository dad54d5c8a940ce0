package org.postguard.browser;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A broken adapter or a thrown error never breaks the page. A second Chromium loads a copy of the
 * extension with two test scripts added to every content script: one counts the uncaught errors of
 * the content scripts' own world (which the page never sees; it throws one itself to prove the
 * count works) and, with #sabotage in the address, makes core paths throw (Range geometry,
 * visibility checks, ResizeObserver, style sheets); the other, with #sabotage, registers an adapter
 * that does everything wrong and wins. In both tests typing works, the editor's own text is exactly
 * what was typed, no error reaches the page, and none escapes PostGuard in its own world.
 */
class BrokenAdapterTest extends BrowserTest {
    private static ChromiumBrowser broken;
    private static Path copy;

    @BeforeAll
    static void launchBrokenCopy() throws IOException {
        copy = Files.createTempDirectory("postguard-broken-extension-");
        copyTree(env.extensionDir, copy);
        Path tests = Files.createDirectories(copy.resolve("test"));
        for (String name : List.of("error-counter.js", "broken-adapter.js")) {
            try (InputStream in = BrokenAdapterTest.class.getResourceAsStream("broken-extension/" + name)) {
                Files.copy(in, tests.resolve(name));
            }
        }
        JsonObject manifest = JsonParser.parseString(Files.readString(copy.resolve("manifest.json"))).getAsJsonObject();
        for (JsonElement entry : manifest.getAsJsonArray("content_scripts")) {
            JsonArray js = entry.getAsJsonObject().getAsJsonArray("js");
            JsonArray patched = new JsonArray();
            patched.add("test/error-counter.js");
            patched.addAll(js);
            patched.add("test/broken-adapter.js");
            entry.getAsJsonObject().add("js", patched);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        Files.writeString(copy.resolve("manifest.json"), gson.toJson(manifest));
        broken = ChromiumBrowser.launch(copy, env.workDir.resolve("profile-broken"));
        BrowserEnv.pointExtension(broken, "chrome-extension://" + broken.extensionId + "/" + ManifestInfo.read(copy).optionsPage(),
            env.backend.url());
    }

    @AfterAll
    static void closeBrokenCopy() throws IOException {
        if (broken != null) broken.close();
        if (copy != null) {
            try (Stream<Path> paths = Files.walk(copy)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void anEditorTheAdapterDoesNotExpectKeepsTypingAndItsText() {
        ChromeDriver driver = broken.driver;
        driver.get(env.fixtures.url("x.com", "oddx"));
        wait(driver, 20).until(d -> "oddx".equals(driver.executeScript("return document.documentElement.getAttribute('data-fixture-ready')")));
        WebElement editor = driver.findElement(By.cssSelector("[data-testid='tweetTextarea_0']"));
        editor.click();
        editor.sendKeys(Posts.RISKY);
        // PostGuard takes the editor on: a badge for it shows the answer to its check.
        wait(driver, 10).until(d -> badgeState(driver) != null && !"checking".equals(badgeState(driver)));
        editor.sendKeys(" and more");
        BrowserPage.sleep(1500); // a check and a layout after the last keystroke, for any error to surface
        assertEquals(Posts.RISKY + " and more", driver.executeScript("return window.__pgFixture.getText()"),
            "typing works and the page's own text is exactly what was typed");
        assertEquals(List.of(), driver.executeScript("return window.__pgPageErrors"), "errors that reached the page");
        assertOnlyTheSelfTestEscaped(driver);
    }

    @Test
    void aThrowingAdapterAndFailingCorePathsNeverReachThePage() {
        BrowserPage page = BrowserPage.open(env, broken, Fixture.X, "#sabotage");
        page.js("window.__pgPageErrors = []; addEventListener('error', (e) => __pgPageErrors.push(String(e.message)));"
            + " addEventListener('unhandledrejection', (e) => __pgPageErrors.push('rejection ' + e.reason));");
        page.type(Posts.RISKY);
        // The core still runs (the broken adapter won, its editor was tracked, the server answered):
        // only drawing the underlines fails, quietly.
        wait(page.driver, (int) (STATE_TIMEOUT_MS / 1000)).until(d -> "warnings".equals(page.badgeState()));
        page.type(" and more");
        BrowserPage.sleep(1500);
        assertEquals(Posts.RISKY + " and more", page.editorText(), "Draft.js holds exactly what was typed");
        assertEquals(List.of(), page.js("return window.__pgPageErrors"), "errors that reached the page");
        assertOnlyTheSelfTestEscaped(page.driver);
    }

    private static void assertOnlyTheSelfTestEscaped(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> uncaught = (Map<String, Object>) driver.executeScript(
            "const h = document.documentElement; return {count: h.getAttribute('data-pg-uncaught'),"
                + " messages: h.getAttribute('data-pg-uncaught-messages')};");
        assertEquals("1", uncaught.get("count"), "uncaught errors in the content scripts' world besides the self-test: " + uncaught);
        assertEquals("pg-selftest", String.valueOf(uncaught.get("messages")).replaceFirst("^Uncaught Error: ", ""), String.valueOf(uncaught));
    }

    private static String badgeState(ChromeDriver driver) {
        return (String) driver.executeScript("const h = document.querySelector('postguard-overlay');"
            + " const b = h && h.shadowRoot && h.shadowRoot.querySelector('.pg-badge'); return b ? b.getAttribute('data-state') : null;");
    }

    private static WebDriverWait wait(ChromeDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
