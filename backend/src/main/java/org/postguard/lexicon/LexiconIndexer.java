package org.postguard.lexicon;

import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Run by the build ({@code process-classes}): indexes the bundled data files into
 * {@code target/classes/postguard/index/}, so the jar carries a ready index and the server starts
 * in well under a second. {@link Lexicon#load} uses it only when its data fingerprint matches.
 */
public final class LexiconIndexer {
    private LexiconIndexer() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        if (Files.exists(out)) {
            try (var old = Files.list(out)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(out);
        DataFiles data = DataFiles.bundled();
        List<LexiconEntry> entries = data.entries();
        if (!data.problems().isEmpty()) {
            System.err.println("PostGuard data files have problems (see DataFilesTest): " + data.problems());
        }
        try (FSDirectory directory = FSDirectory.open(out)) {
            Lexicon.write(entries, directory, data.fingerprint());
            String[] files = Arrays.stream(directory.listAll()).filter(f -> !f.equals("write.lock")).toArray(String[]::new);
            Arrays.sort(files);
            Files.writeString(out.resolve("files.txt"), String.join("\n", files) + "\n", StandardCharsets.UTF_8);
        }
    }
}
