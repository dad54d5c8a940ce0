package org.postguard.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and validates the body of {@code POST /api/v1/check}; anything wrong is an {@link ApiError} 4xx. */
final class CheckRequestParser {
    static final int MAX_PERSONAL_TERMS = 200;
    static final int MAX_PERSONAL_TERM_LENGTH = 100;
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

    private CheckRequestParser() {
    }

    static CheckRequest parse(String body) {
        JsonObject json = StrictJson.object(body, "{\"text\": \"...\"}");
        JsonElement text = json.get("text");
        if (text == null || text.isJsonNull()) {
            throw new ApiError(400, "missing-text", "The JSON body needs a \"text\" field holding the post to check.");
        }
        if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
            throw new ApiError(400, "text-not-string", "The \"text\" field must be a JSON string.");
        }
        String value = text.getAsString();
        if (value.length() > Checker.MAX_TEXT_LENGTH) {
            throw new ApiError(413, "text-too-long", "The text is " + value.length() + " characters long; the limit is "
                    + Checker.MAX_TEXT_LENGTH + ".");
        }
        return new CheckRequest(value, platform(json.get("platform")), personalTerms(json.get("personalTerms")));
    }

    private static String platform(JsonElement platform) {
        if (platform == null || platform.isJsonNull()) {
            return null;
        }
        if (!platform.isJsonPrimitive() || !platform.getAsJsonPrimitive().isString()
                || !PLATFORM.matcher(platform.getAsString()).matches()) {
            throw new ApiError(400, "bad-platform", "\"platform\" must be a short lower-case site id such as \"x\" or \"facebook\".");
        }
        return platform.getAsString();
    }

    private static List<String> personalTerms(JsonElement terms) {
        if (terms == null || terms.isJsonNull()) {
            return List.of();
        }
        if (!terms.isJsonArray()) {
            throw new ApiError(400, "bad-personal-terms", "\"personalTerms\" must be an array of strings.");
        }
        JsonArray array = terms.getAsJsonArray();
        if (array.size() > MAX_PERSONAL_TERMS) {
            throw new ApiError(400, "bad-personal-terms", "\"personalTerms\" holds at most " + MAX_PERSONAL_TERMS + " terms.");
        }
        List<String> list = new ArrayList<>(array.size());
        for (JsonElement term : array) {
            if (!term.isJsonPrimitive() || !term.getAsJsonPrimitive().isString()
                    || term.getAsString().length() > MAX_PERSONAL_TERM_LENGTH) {
                throw new ApiError(400, "bad-personal-terms", "Each personal term must be a string of at most "
                        + MAX_PERSONAL_TERM_LENGTH + " characters.");
            }
            list.add(term.getAsString());
        }
        return list;
    }
}
