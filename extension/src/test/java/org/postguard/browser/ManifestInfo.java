package org.postguard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests need from webext/manifest.json (read with a regex: no JSON library needed). */
record ManifestInfo(String optionsPage) {
    static ManifestInfo read(Path extensionDir) {
        String manifest;
        try {
            manifest = Files.readString(extensionDir.resolve("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher ui = Pattern.compile("\"options_ui\"\\s*:\\s*\\{[^}]*?\"page\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL).matcher(manifest);
        Matcher page = Pattern.compile("\"options_page\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest);
        String options = ui.find() ? ui.group(1) : page.find() ? page.group(1) : "options/options.html";
        return new ManifestInfo(options.replaceFirst("^/", ""));
    }
}
