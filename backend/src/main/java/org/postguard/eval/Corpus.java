package org.postguard.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.postguard.check.Category;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A labelled corpus in JSON Lines: {@code {"id": "...", "text": "...", "categories": [...]}} per line. */
public final class Corpus {
    private Corpus() {
    }

    /** One labelled post; an empty category set means the post must get no warning. */
    public record Post(String id, String text, Set<Category> categories) {
    }

    public static List<Post> read(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                Set<Category> categories = EnumSet.noneOf(Category.class);
                for (JsonElement c : json.getAsJsonArray("categories")) {
                    categories.add(Category.fromId(c.getAsString())
                            .orElseThrow(() -> new IllegalArgumentException("unknown category " + c)));
                }
                posts.add(new Post(json.get("id").getAsString(), json.get("text").getAsString(), categories));
            } catch (RuntimeException e) {
                throw new IOException(file.getFileName() + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return posts;
    }
}
