package org.postguard.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checked text is written nowhere. A server in its own JVM (started like {@code scripts/run}, at
 * the most verbose log level) gets thousands of checks and bad requests carrying one unique canary
 * word; then its whole output, every file in its working, temporary and home folders, and every file
 * changed in the system's temporary folder and in backend/target while it ran, are searched for the
 * canary (as UTF-8 and UTF-16, any case).
 */
class NoTextKeptTest {
    private static final int CHECKS = 4000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void thousandsOfChecksLeaveTheCanaryInNoLogAndNoFile() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        String canary = "Zqcanary" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(8)) + "x";
        Path workDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "no-text-kept-");

        // The search can fail: it finds a planted canary in each encoding, whatever its case.
        Path control = Files.createDirectories(workDir.resolve("control"));
        Files.writeString(control.resolve("utf8.txt"), "x " + canary.toUpperCase(Locale.ROOT) + " y", StandardCharsets.UTF_8);
        Files.writeString(control.resolve("utf16.bin"), "x " + canary + " y", StandardCharsets.UTF_16LE);
        assertEquals(2, filesContaining(canary, List.of(control), Instant.EPOCH).hits().size(), "the search finds planted canaries");
        deleteTree(control);

        Map<String, Integer> statuses = new TreeMap<>();
        String output;
        try (ServerProcess server = ServerProcess.start(workDir, "--log-level", "trace")) {
            List<HttpRequest> requests = requests(server.url(), canary);
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<Integer>> answers = new ArrayList<>();
                for (HttpRequest request : requests) {
                    answers.add(pool.submit(() -> {
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        assertTrue(!response.body().toLowerCase(Locale.ROOT).contains(canary.toLowerCase(Locale.ROOT)),
                                () -> "an answer repeats the text: " + response.statusCode());
                        return response.statusCode();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    statuses.merge(String.valueOf(answer.get()), 1, Integer::sum);
                }
            }
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"checks\":" + CHECKS), health.body());
            server.close();
            output = server.output();
        }
        assertTrue(statuses.getOrDefault("200", 0) == CHECKS && statuses.size() >= 5, "every kind of answer was given: " + statuses);
        // The log really was at its most verbose: PostGuard logged every answer at debug, Jetty at info.
        assertTrue(output.contains("DEBUG org.postguard.server.PostGuardServer - check answered")
                && output.contains("INFO org.eclipse.jetty"), "a verbose log:\n" + tail(output));

        String lower = canary.toLowerCase(Locale.ROOT);
        assertTrue(!output.toLowerCase(Locale.ROOT).contains(lower), "the server's output holds the text");
        List<Path> roots = new ArrayList<>(List.of(workDir, Path.of("target").toAbsolutePath(), Path.of(System.getProperty("java.io.tmpdir"))));
        Search search = filesContaining(canary, roots, started);
        assertTrue(search.searched() > 3, "files were searched: " + search.searched());
        assertTrue(search.hits().isEmpty(), "files holding the text: " + search.hits());
        deleteTree(workDir);
    }

    /** CHECKS checks with the canary in every field, plus each kind of refused request carrying it. */
    private static List<HttpRequest> requests(String url, String canary) {
        URI check = URI.create(url + "/api/v1/check");
        List<String> posts = List.of(
                "Saw Mrs " + canary + " (DOB 12/03/1958), a 34yo in bay 4 today with DKA",
                canary + " in bed 3 last night, NHS 943 476 5919, lovely lady",
                "Teaching point from " + canary + ": sepsis kills, know the signs",
                "\uD800 lone surrogate then " + canary + " \u202Ereversed\u202C and zero\u200Bwidth",
                "Had a pint before my shift with " + canary + " 🍺");
        List<HttpRequest> out = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            JsonObject body = new JsonObject();
            body.addProperty("text", posts.get(i % posts.size()) + " #" + i);
            body.addProperty("platform", "x");
            if (i % 4 == 0) {
                JsonArray terms = new JsonArray();
                terms.add(canary + " General");
                terms.add("Ward 7");
                body.add("personalTerms", terms);
            }
            out.add(json(check, body.toString()).build());
        }
        String text = "{\"text\": \"Saw a 34yo " + canary + " in bay 4\"}";
        for (int i = 0; i < 50; i++) {
            out.add(json(check, "{\"text\": \"" + canary + " " + "x".repeat(20_001) + "\"}").build()); // 413 text-too-long
            out.add(json(check, "{\"text\": \"" + canary + "\" ").build()); // 400 malformed
            out.add(json(check, "{\"text\": \"a\", \"platform\": \"" + canary + "\"}").build()); // 400 bad-platform
            out.add(json(check, "{\"text\": \"a\", \"personalTerms\": [\"" + canary + "x".repeat(200) + "\"]}").build());
            out.add(json(check, "{\"text\": \"" + canary + "\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}").build());
            out.add(HttpRequest.newBuilder(check).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build());
            out.add(json(check, text).header("Origin", "https://evil.example").build()); // 403
            out.add(json(check, "{\"text\": \"" + canary + " " + "y".repeat(300_000) + "\"}").build()); // 413 body-too-large
            out.add(json(check, "{\"text\": \"\uDBFF" + canary + "\"} trailing " + canary).build());
        }
        java.util.Collections.shuffle(out, ThreadLocalRandom.current());
        return out;
    }

    private static HttpRequest.Builder json(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    record Search(int searched, List<String> hits) {
    }

    /** Regular files under the roots changed since {@code since} whose bytes hold the canary (UTF-8 or UTF-16, any case). */
    static Search filesContaining(String canary, List<Path> roots, Instant since) throws IOException {
        List<byte[]> needles = new ArrayList<>();
        for (String form : List.of(canary.toLowerCase(Locale.ROOT))) {
            needles.add(form.getBytes(StandardCharsets.UTF_8));
            needles.add(form.getBytes(StandardCharsets.UTF_16LE));
            needles.add(form.getBytes(StandardCharsets.UTF_16BE));
        }
        int[] searched = {0};
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                files.forEach(file -> {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        if (!attributes.isRegularFile() || attributes.lastModifiedTime().toInstant().isBefore(since)
                                || attributes.size() > 128L * 1024 * 1024) return;
                        byte[] bytes = Files.readAllBytes(file);
                        searched[0]++;
                        lowerAscii(bytes);
                        for (byte[] needle : needles) {
                            if (indexOf(bytes, needle) >= 0) {
                                hits.add(file.toString());
                                return;
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // another user's file we cannot read, or one deleted while we walked
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                // a folder vanished while walking: the rest was searched
            }
        }
        return new Search(searched[0], hits);
    }

    private static void lowerAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] >= 'A' && bytes[i] <= 'Z') bytes[i] += 'a' - 'A';
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String tail(String s) {
        return s.length() <= 3000 ? s : s.substring(s.length() - 3000);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
