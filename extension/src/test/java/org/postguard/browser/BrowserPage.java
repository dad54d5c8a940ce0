package org.postguard.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One fixture page open in the shared browser, with helpers to type and to read the overlay. */
final class BrowserPage {
    /** Underline alignment tolerance in CSS pixels. */
    static final double TOLERANCE_PX = 3.0;

    private static final String PROBE = loadProbe();

    final BrowserEnv env;
    final Fixture fixture;
    final ChromeDriver driver;

    private BrowserPage(BrowserEnv env, Fixture fixture, ChromeDriver driver) {
        this.env = env;
        this.fixture = fixture;
        this.driver = driver;
    }

    /** Loads the fixture at its real host name, opens its composer and waits for the editor. */
    static BrowserPage open(BrowserEnv env, Fixture fixture) {
        return open(env, env.browser, fixture, "");
    }

    /** The same in another browser, with {@code suffix} (e.g. "#sabotage") after the page's address. */
    static BrowserPage open(BrowserEnv env, ChromiumBrowser browser, Fixture fixture, String suffix) {
        BrowserPage page = new BrowserPage(env, fixture, browser.driver);
        page.driver.get(env.fixtures.url(fixture) + suffix);
        WebDriverWait wait = page.waitUpTo(Duration.ofSeconds(20));
        wait.until(d -> fixture.page.equals(page.js(
            "return document.documentElement.getAttribute('data-fixture-ready')")));
        page.js("window.__pgFixture.prepare()");
        wait.until(d -> !d.findElements(By.cssSelector(page.editorSelector())).isEmpty());
        page.probe("installClock()");
        return page;
    }

    String editorSelector() {
        return (String) js("return window.__pgFixture.editor");
    }

    WebElement editor() {
        return driver.findElement(By.cssSelector(editorSelector()));
    }

    /** Clicks into the editor (caret at the end) and types, as a user would. */
    void type(String text) {
        WebElement editor = editor();
        focusEnd(editor);
        editor.sendKeys(text);
    }

    /** Types in chunks of about {@code chunk} characters, each one sendKeys call (full speed). */
    void typeInChunks(String text, int chunk) {
        WebElement editor = editor();
        focusEnd(editor);
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + chunk);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end++;
            editor.sendKeys(text.substring(i, end));
            i = end;
        }
    }

    /** Puts {@code text} on the browser's clipboard (the page may write it: granted through DevTools). */
    void putOnClipboard(String text) {
        String origin = (String) js("return location.origin");
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
            "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Object written = driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
            + "navigator.clipboard.writeText(arguments[0]).then(() => done('ok'), (e) => done(String(e)));", text);
        if (!"ok".equals(written)) {
            throw new IllegalStateException("could not write the clipboard: " + written);
        }
    }

    private void focusEnd(WebElement editor) {
        Object active = js("return document.activeElement === document.querySelector(window.__pgFixture.editor)"
            + " || document.querySelector(window.__pgFixture.editor).contains(document.activeElement)");
        if (!Boolean.TRUE.equals(active)) {
            editor.click();
        }
    }

    /** The editor library's own text (Draft getPlainText, Lexical, Quill getText, TipTap getText, value). */
    String editorText() {
        return (String) js("return window.__pgFixture.getText()");
    }

    /** What the test's own DOM walker reads from the editor (contenteditables only). */
    String walkerText() {
        return (String) probe("walkerText(window.__pgFixture.editor)");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state() {
        return (Map<String, Object>) probe("state(window.__pgFixture.editor)");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> badge() {
        return (Map<String, Object>) state().get("badge");
    }

    String badgeState() {
        Map<String, Object> badge = badge();
        return badge == null ? null : (String) badge.get("state");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> underlines() {
        return (List<Map<String, Object>>) state().get("underlines");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cards() {
        return (List<Map<String, Object>>) state().get("cards");
    }

    /**
     * Waits in the page (polling every 10 ms) until the editor's badge is in {@code want} (with at
     * least one underline for "warnings"). Answers the probe's result: ok, sinceInput (ms from the
     * last keystroke or input event to the moment the state was seen), waited, state.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> waitForState(String want, long timeoutMillis) {
        String script = PROBE + "\n__pgProbe.waitForState(window.__pgFixture.editor, arguments[0], arguments[1], arguments[arguments.length - 1]);";
        return (Map<String, Object>) driver.executeAsyncScript(script, want, timeoutMillis);
    }

    /** Like {@link #waitForState} but fails with the page's state when it does not come. */
    Map<String, Object> awaitState(String want, long timeoutMillis) {
        Map<String, Object> result = waitForState(want, timeoutMillis);
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            throw new AssertionError(fixture + ": badge never reached data-state=" + want + " within "
                + timeoutMillis + " ms; editor text " + quote(editorText()) + "; overlay " + result.get("state"));
        }
        return result;
    }

    /** Problems with the underlines' positions (empty when every underline lies under its words). */
    @SuppressWarnings("unchecked")
    List<String> alignmentProblems(String typed) {
        Map<String, Object> result = (Map<String, Object>) probe(
            "alignment(window.__pgFixture.editor, arguments[0], arguments[1], arguments[2])",
            fixture.kind.name(), typed, TOLERANCE_PX);
        return new ArrayList<>((List<String>) result.get("problems"));
    }

    /** Waits (up to timeout) for the underlines to line up with their words; answers the last problems. */
    List<String> awaitAlignment(String typed, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> problems;
        do {
            problems = alignmentProblems(typed);
            if (problems.isEmpty() && !underlines().isEmpty()) return problems;
            sleep(50);
        } while (System.nanoTime() < end);
        if (problems.isEmpty()) problems = List.of("no underlines");
        return problems;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs "return __pgProbe.EXPR" with the probe (src/test/resources/.../probe.js) loaded. */
    Object probe(String expression, Object... args) {
        return js(PROBE + "\nreturn __pgProbe." + expression + ";", args);
    }

    WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s) {
        if (s == null) return "null";
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String loadProbe() {
        try (InputStream in = BrowserPage.class.getResourceAsStream("probe.js")) {
            if (in == null) throw new IllegalStateException("probe.js is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
