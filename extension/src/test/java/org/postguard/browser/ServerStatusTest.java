package org.postguard.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postguard.check.Checker;
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The toolbar popup and the options page say which server answers and how it judges (from
 * GET /api/v1/health), so a user whose server was started without the sentence model can tell.
 */
class ServerStatusTest extends BrowserTest {

    @AfterEach
    void backToTheTestBackend() {
        env.pointExtensionAtBackend();
    }

    private static String popupServerLine() {
        var driver = env.browser.driver;
        driver.get(env.extensionUrl("popup/popup.html"));
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(d -> {
            String text = d.findElement(By.id("server-status")).getText();
            return text.startsWith("Server running") || text.startsWith("Server not running") ? text : null;
        });
    }

    @Test
    void thePopupAndOptionsPageNameTheVersionPhrasesAndTheJudge() {
        String popup = popupServerLine();
        assertTrue(popup.matches("Server running \\(version [^,]+, \\d+ phrases, reads each post's meaning, with the fine-tuned model's votes\\)\\."), popup);
        env.browser.driver.get(env.optionsPageUrl());
        String options = new WebDriverWait(env.browser.driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                .until(d -> {
                    String text = d.findElement(By.id("server-status")).getText();
                    return text.contains("running at") ? text : null;
                });
        assertTrue(options.contains("reads each post's meaning"), options);
    }

    @Test
    void aServerStartedWithoutVotesIsNamedAsSuch() {
        try (PostGuardServer plain = PostGuardServer.start(ServerSettings.defaults().withPort(0).withJudge(Checker.Judge.MODEL_WITH_MEANING))) {
            env.pointExtensionAt("http://127.0.0.1:" + plain.port());
            String popup = popupServerLine();
            assertTrue(popup.contains("reads each post's meaning, without the fine-tuned model's votes"), popup);
        }
    }

    @Test
    void aServerStartedWithoutMeaningIsNamedAsSuch() {
        try (PostGuardServer plain = PostGuardServer.start(ServerSettings.defaults().withPort(0).withJudge(Checker.Judge.MODEL))) {
            env.pointExtensionAt("http://127.0.0.1:" + plain.port());
            String popup = popupServerLine();
            assertTrue(popup.contains("words and signals only, not meaning (started with --without-meaning)"), popup);
            assertTrue(!popup.contains("reads each post's meaning"), popup);
        }
    }
}
