package org.postguard.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;

/**
 * Reads a request body as one strict JSON object (no comments, no unquoted names, nothing after
 * it, at most 32 levels deep); anything else is an {@link ApiError} 400 whose detail never repeats
 * the body.
 *
 * <pre>{@code
 * JsonObject json = StrictJson.object("{\"text\": \"hello\"}", "{\"text\": \"...\"}");
 * }</pre>
 */
final class StrictJson {
    private StrictJson() {
    }

    /** The body as a JSON object; {@code example} is shown in the error for an empty or non-object body. */
    static JsonObject object(String body, String example) {
        if (body == null || body.isBlank()) {
            throw new ApiError(400, "empty-body", "The request body is empty; send a JSON object such as " + example + ".");
        }
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(32);
            root = Streams.parse(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ApiError(400, "malformed-json", "The body has extra content after the JSON object.");
            }
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError e) {
            throw new ApiError(400, "malformed-json", "The request body is not valid JSON.");
        }
        if (!root.isJsonObject()) {
            throw new ApiError(400, "not-an-object", "The request body must be a JSON object such as " + example + ".");
        }
        return root.getAsJsonObject();
    }
}
