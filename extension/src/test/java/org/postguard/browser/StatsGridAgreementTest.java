package org.postguard.browser;

import org.junit.jupiter.api.Test;
import org.postguard.stats.StatsGrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension's statistics grid (common/stats.js) is the server's (StatsGrid), and every site adapter's platform is in it. */
class StatsGridAgreementTest {
    static final Path WEBEXT = Path.of(System.getProperty("postguard.webext", BrowserEnv.projectDir().resolve("webext").toString()));

    static List<String> jsList(String source, String name) {
        Matcher m = Pattern.compile("const " + name + " = Object\\.freeze\\(\\[([^\\]]*)\\]\\)").matcher(source);
        assertTrue(m.find(), name + " in stats.js");
        List<String> out = new ArrayList<>();
        Matcher item = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
        while (item.find()) out.add(item.group(1));
        return out;
    }

    @Test
    void theExtensionAndTheServerKnowTheSameGrid() throws IOException {
        String stats = Files.readString(WEBEXT.resolve("common/stats.js"));
        assertEquals(StatsGrid.PLATFORMS, jsList(stats, "PLATFORMS"));
        assertEquals(StatsGrid.CATEGORIES, jsList(stats, "CATEGORIES"));
        assertEquals(StatsGrid.SEVERITIES, jsList(stats, "SEVERITIES"));
        assertEquals(StatsGrid.COUNTS, jsList(stats, "COUNTS"));
        assertTrue(stats.contains("const EPSILON = " + (int) StatsGrid.EPSILON_PER_COUNT + ";"), "the same epsilon");
        assertTrue(stats.contains("const MAX_COUNT = " + StatsGrid.MAX_COUNT + ";"), "the same count limit");
    }

    @Test
    void everySiteAdapterReportsAKnownPlatform() throws IOException {
        List<String> platforms = new ArrayList<>();
        try (Stream<Path> files = Files.list(WEBEXT.resolve("sites"))) {
            for (Path file : files.sorted().toList()) {
                Matcher m = Pattern.compile("platform:\\s*(.+),\\n").matcher(Files.readString(file));
                assertTrue(m.find(), file + " names its platform");
                Matcher literal = Pattern.compile("\"([a-z0-9.-]+)\"").matcher(m.group(1));
                boolean any = false;
                while (literal.find()) {
                    platforms.add(literal.group(1));
                    any = true;
                }
                assertTrue(any, file + ": platform " + m.group(1));
            }
        }
        assertFalse(platforms.isEmpty());
        for (String p : platforms) assertTrue(StatsGrid.PLATFORMS.contains(p), p + " is not in StatsGrid.PLATFORMS");
    }
}
