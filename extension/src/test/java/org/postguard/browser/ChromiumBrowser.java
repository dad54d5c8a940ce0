package org.postguard.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (the system's /usr/bin/chromium and /usr/bin/chromedriver; Selenium Manager is
 * never used) with the unpacked extension loaded and the social sites' host names mapped to 127.0.0.1.
 */
final class ChromiumBrowser implements AutoCloseable {
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    final ChromeDriver driver;
    /** The unpacked extension's id, or null when no extension is loaded. */
    final String extensionId;
    final Path extensionDir;

    private ChromiumBrowser(ChromeDriver driver, String extensionId, Path extensionDir) {
        this.driver = driver;
        this.extensionId = extensionId;
        this.extensionDir = extensionDir;
    }

    static ChromiumBrowser launch(Path extensionDir, Path profileDir) throws IOException {
        // Selenium warns that it has no CDP implementation for this Chromium version; WebDriver works.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);

        Path chromium = Path.of(System.getProperty("postguard.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install Debian's chromium and "
                    + "chromium-driver packages (apt-get install -y chromium chromium-driver)");
            }
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());

        List<String> rules = new ArrayList<>();
        for (String domain : Fixture.MAPPED_DOMAINS) {
            rules.add("MAP " + domain + " 127.0.0.1");
            rules.add("MAP *." + domain + " 127.0.0.1");
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.setAcceptInsecureCerts(true);
        options.addArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--no-default-browser-check", "--disable-sync", "--disable-features=Translate,MediaRouter",
            "--user-data-dir=" + profileDir.toAbsolutePath(),
            "--host-resolver-rules=" + String.join(", ", rules),
            "--ignore-certificate-errors",
            "--window-size=" + WIDTH + "," + HEIGHT,
            "--force-device-scale-factor=1",
            "--lang=en-GB");
        // Console messages of pages (driver.manage().logs().get("browser")): the dashboard test reads them.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        String id = null;
        Path realExtension = null;
        if (extensionDir != null) {
            realExtension = extensionDir.toRealPath();
            options.addArguments("--load-extension=" + realExtension, "--disable-extensions-except=" + realExtension);
            id = extensionId(realExtension);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new ChromiumBrowser(driver, id, realExtension);
    }

    /**
     * The id Chromium gives an unpacked extension: from the manifest's "key" when it has one,
     * otherwise from the SHA-256 of its absolute path; the first 32 hex digits mapped 0-f to a-p.
     */
    static String extensionId(Path realExtensionDir) throws IOException {
        String manifest = Files.readString(realExtensionDir.resolve("manifest.json"));
        Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest);
        byte[] input = key.find()
            ? Base64.getDecoder().decode(key.group(1).replaceAll("\\s", ""))
            : realExtensionDir.toString().getBytes(StandardCharsets.UTF_8);
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 16; i++) {
            id.append((char) ('a' + ((hash[i] >> 4) & 0xf)));
            id.append((char) ('a' + (hash[i] & 0xf)));
        }
        return id.toString();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
    }

}
