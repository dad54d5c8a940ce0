package org.postguard.guidance;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.postguard.check.Category;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per category: a title, a plain explanation, what to do instead and links to the guidance,
 * read from {@code guidance.json} with the organisation's name and advice page filled in.
 */
public final class GuidanceCatalogue {
    private final Organisation organisation;
    private final Map<Category, Entry> entries;

    /** One category's guidance. */
    public record Entry(String id, String title, String summary, List<String> instead, List<Link> links) {
    }

    /** A titled public web address. */
    public record Link(String title, String url) {
    }

    private GuidanceCatalogue(Organisation organisation, Map<Category, Entry> entries) {
        this.organisation = organisation;
        this.entries = entries;
    }

    public static GuidanceCatalogue parse(String guidanceJson, Organisation organisation) {
        // The values go inside JSON strings: escaped, so a quote or backslash in them cannot break the file.
        String filled = guidanceJson
                .replace("{organisationAdviceUrl}", jsonEscaped(organisation.adviceUrl()))
                .replace("{organisationShortName}", jsonEscaped(organisation.shortName()))
                .replace("{organisation}", jsonEscaped(organisation.name()));
        JsonObject root = JsonParser.parseString(filled).getAsJsonObject();
        Map<Category, Entry> entries = new LinkedHashMap<>();
        Gson gson = new Gson();
        for (JsonElement element : root.getAsJsonArray("categories")) {
            Entry entry = gson.fromJson(element, Entry.class);
            Category category = Category.fromId(entry.id())
                    .orElseThrow(() -> new IllegalArgumentException("guidance.json: unknown category " + entry.id()));
            entries.put(category, entry);
        }
        for (Category category : Category.values()) {
            if (!entries.containsKey(category)) {
                throw new IllegalArgumentException("guidance.json: no entry for " + category.id());
            }
        }
        return new GuidanceCatalogue(organisation, entries);
    }

    private static String jsonEscaped(String value) {
        String quoted = new JsonPrimitive(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    public Organisation organisation() {
        return organisation;
    }

    public Entry entry(Category category) {
        return entries.get(category);
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The catalogue as the API serves it. */
    public JsonObject toJson() {
        Gson gson = new Gson();
        JsonObject json = new JsonObject();
        json.add("organisation", gson.toJsonTree(organisation));
        JsonArray categories = new JsonArray();
        entries.values().forEach(e -> categories.add(gson.toJsonTree(e)));
        json.add("categories", categories);
        json.add("version", new JsonPrimitive(1));
        return json;
    }
}
