package org.postguard.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.postguard.check.Category;
import org.postguard.lexicon.DataFiles;
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the server says is shown as text. A server whose data folder has a phrase-rule message,
 * guidance titles, advice, links and organisation details full of HTML and script (and javascript:
 * links) answers the extension; the card shows those strings literally, no element is made from
 * them, no script runs (in the page or the extension), and no javascript: link appears.
 */
class HostileServerTextTest extends BrowserTest {
    private static final String PAYLOAD = "<img src=x onerror=\"window.__pgPwned='img'\"><script>window.__pgPwned='script'</script>"
        + "<b id=\"pg-bold\">bold</b> &amp; <svg onload=\"window.__pgPwned='svg'\"></svg><iframe srcdoc=\"x\"></iframe>";
    private static final String MESSAGE = "Drunk " + PAYLOAD + " end";
    private static final String TITLE = "Title " + PAYLOAD;
    private static final String ADVICE = "Advice " + PAYLOAD;
    private static PostGuardServer hostile;
    private static Path data;

    @BeforeAll
    static void startHostileServer() throws IOException {
        data = hostileData();
        hostile = PostGuardServer.start(ServerSettings.defaults().withPort(0).withDataFolder(data));
    }

    @AfterAll
    static void stopHostileServer() throws IOException {
        try {
            if (env != null) env.pointExtensionAtBackend();
        } finally {
            if (hostile != null) hostile.close();
            deleteTree(data);
        }
    }

    /** A professionalism warning (drinking before work) beside a confidentiality one; this server judges by the rules alone. */
    private static final String POST = Posts.DRUNK + ". " + Posts.RISKY;

    @Test
    void htmlAndScriptFromTheServerStayInertText() {
        env.pointExtensionAt("http://127.0.0.1:" + hostile.port());
        BrowserPage page = open(Fixture.X);
        page.type(POST);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        WarningCardTest.clickBadge(page);
        WarningCardTest.awaitCard(page);
        // The guidance (titles, advice, links, organisation) arrives separately: wait for its title.
        page.waitUpTo(java.time.Duration.ofSeconds(10)).until(d -> WarningCardTest.warnings(page.cards().get(0)).stream()
            .anyMatch(w -> TITLE.equals(w.get("category"))));
        Map<String, Object> card = page.cards().get(0);
        Map<String, Object> warning = WarningCardTest.warnings(card).stream()
            .filter(w -> TITLE.equals(w.get("category"))).findFirst().orElseThrow();
        assertEquals(MESSAGE, warning.get("message"), "the message is shown literally");
        assertEquals(TITLE, warning.get("category"), "the guidance title is shown literally");
        assertTrue(String.valueOf(warning.get("instead")).contains(ADVICE), "the advice is shown literally: " + warning);
        String contacts = (String) page.js("const c = document.querySelector('postguard-overlay').shadowRoot"
            + ".querySelector('.pg-card .pg-contacts'); return c ? c.textContent : null;");
        assertTrue(contacts != null && contacts.contains("Org " + PAYLOAD), "the organisation's name is shown literally: " + contacts);
        assertTrue(contacts.contains("Label " + PAYLOAD + ": Line " + PAYLOAD), "the contact is shown literally: " + contacts);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) warning.get("links");
        assertEquals(List.of("https://example.org/safe"), links.stream().map(l -> l.get("href")).toList(),
            "only the http(s) link is a link: " + links);
        assertEquals("Link " + PAYLOAD, links.get(0).get("text"));

        // Nothing was made from the strings: no such elements or handlers anywhere in the overlay.
        @SuppressWarnings("unchecked")
        Map<String, Object> made = (Map<String, Object>) page.js("""
            const root = document.querySelector('postguard-overlay').shadowRoot;
            const all = [...root.querySelectorAll('*')];
            return {
              tags: all.filter((e) => /^(img|script|svg|iframe|b|object|embed)$/.test(e.localName)).map((e) => e.localName),
              handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
              bold: !!root.getElementById('pg-bold') || !!document.getElementById('pg-bold'),
              jsLinks: all.filter((e) => e.localName === 'a' && !/^https?:/.test(e.getAttribute('href') || '')).length,
            };""");
        assertEquals(List.of(), made.get("tags"), "elements made from server text");
        assertEquals(List.of(), made.get("handlers"), "event-handler attributes");
        assertEquals(false, made.get("bold"));
        assertEquals(0L, ((Number) made.get("jsLinks")).longValue(), "links that are not http(s)");
        BrowserPage.sleep(500); // an onerror/onload handler, had one been made, would have run by now
        assertNull(page.js("return window.__pgPwned || null"), "no script from the server ran in the page");
        assertEquals(POST, page.editorText(), "the editor's text is untouched");
        WebElement body = page.driver.findElement(By.tagName("body"));
        assertFalse(body.getText().contains("bold&"), "nothing leaked into the page's own DOM");
    }

    /** The bundled data, copied, with hostile strings in the places the extension shows. */
    private static Path hostileData() throws IOException {
        Path dir = Files.createTempDirectory("postguard-hostile-data-");
        List<String> files = new ArrayList<>(DataFiles.VOCABULARY.keySet());
        files.addAll(DataFiles.SIGNALS.keySet());
        for (Category category : Category.values()) files.add("phrases/" + category.id() + ".txt");
        DataFiles bundled = DataFiles.bundled();
        bundled.entries();
        for (String list : bundled.listNames()) files.add("lists/" + list + ".txt");
        for (String file : files) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            String text = resource(file);
            if (file.equals("phrases/professionalism.txt")) {
                // Every rule of the category: whichever of them the drinking post meets says it.
                text = text.replaceAll("(?m)^message = .*$", java.util.regex.Matcher.quoteReplacement("message = " + MESSAGE));
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
        JsonObject guidance = JsonParser.parseString(resource("guidance.json")).getAsJsonObject();
        for (JsonElement element : guidance.getAsJsonArray("categories")) {
            JsonObject category = element.getAsJsonObject();
            if (!category.get("id").getAsString().equals("professionalism")) continue;
            category.addProperty("title", TITLE);
            JsonArray instead = new JsonArray();
            instead.add(ADVICE);
            category.add("instead", instead);
            JsonArray links = new JsonArray();
            links.add(link("Script link " + PAYLOAD, "javascript:window.__pgPwned='link'"));
            links.add(link("Data link", "data:text/html,<script>window.__pgPwned='data'</script>"));
            links.add(link("Link " + PAYLOAD, "https://example.org/safe"));
            category.add("links", links);
        }
        Files.writeString(dir.resolve("guidance.json"), guidance.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("organisation.properties"), String.join("\n",
            "name=Org " + PAYLOAD, "shortName=Org " + PAYLOAD, "adviceUrl=javascript:window.__pgPwned='advice'",
            "helpline=Line " + PAYLOAD, "helplineLabel=Label " + PAYLOAD), StandardCharsets.UTF_8);
        return dir;
    }

    private static JsonObject link(String title, String url) {
        JsonObject link = new JsonObject();
        link.addProperty("title", title);
        link.addProperty("url", url);
        return link;
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = DataFiles.class.getResourceAsStream("/postguard/" + file)) {
            if (in == null) throw new IOException("bundled data file missing: " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
