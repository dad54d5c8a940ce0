package org.postguard.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The backend's GET /api/v1/guidance: which links each category may show. */
record Guidance(String adviceUrl, Map<String, Set<String>> linksByCategory, Set<String> socialMediaGuidance) {

    static Guidance fetch(TestBackend backend) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(backend.url() + "/api/v1/guidance")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/guidance answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET /api/v1/guidance failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Guidance parse(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonObject org = root.getAsJsonObject("organisation");
        String advice = org != null && org.has("adviceUrl") ? org.get("adviceUrl").getAsString() : null;
        Map<String, Set<String>> links = new LinkedHashMap<>();
        Set<String> social = new LinkedHashSet<>();
        JsonArray categories = root.getAsJsonArray("categories");
        for (JsonElement c : categories) {
            JsonObject category = c.getAsJsonObject();
            Set<String> urls = new LinkedHashSet<>();
            if (category.has("links")) {
                for (JsonElement l : category.getAsJsonArray("links")) {
                    String url = l.getAsJsonObject().get("url").getAsString();
                    urls.add(url);
                    String lower = url.toLowerCase(Locale.ROOT);
                    if (lower.contains("gmc-uk.org") && lower.contains("social-media")) social.add(url);
                }
            }
            links.put(category.get("id").getAsString(), urls);
        }
        return new Guidance(advice, links, social);
    }

    /** A warning of this category may link to its category's links or the GMC social-media guidance. */
    Set<String> allowedFor(String category) {
        Set<String> allowed = new LinkedHashSet<>(linksByCategory.getOrDefault(category, Set.of()));
        allowed.addAll(socialMediaGuidance);
        return allowed;
    }
}
