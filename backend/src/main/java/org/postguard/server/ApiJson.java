package org.postguard.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.postguard.check.CheckResult;
import org.postguard.check.Signal;
import org.postguard.check.Warning;

/** The API's JSON shapes. */
public final class ApiJson {
    private ApiJson() {
    }

    public static JsonObject result(CheckResult result, boolean explain) {
        JsonObject json = new JsonObject();
        json.addProperty("risk", result.risk());
        JsonArray warnings = new JsonArray();
        for (Warning w : result.warnings()) {
            warnings.add(warning(w, explain));
        }
        json.add("warnings", warnings);
        json.addProperty("tookMicros", result.tookMicros());
        return json;
    }

    public static JsonObject warning(Warning w, boolean explain) {
        JsonObject json = new JsonObject();
        json.addProperty("rule", w.rule());
        json.addProperty("category", w.category().id());
        json.addProperty("severity", w.severity().id());
        json.addProperty("start", w.start());
        json.addProperty("end", w.end());
        json.addProperty("message", w.message());
        JsonArray signals = new JsonArray();
        for (Signal s : w.signals()) {
            JsonObject signal = new JsonObject();
            signal.addProperty("start", s.start());
            signal.addProperty("end", s.end());
            signal.addProperty("kind", s.kind().id());
            if (explain) {
                signal.addProperty("source", s.source());
            }
            signals.add(signal);
        }
        json.add("signals", signals);
        json.addProperty("guidance", w.guidance());
        if (explain) {
            json.addProperty("score", w.score());
            if (!w.basis().isEmpty()) {
                json.addProperty("basis", w.basis());
            }
        }
        return json;
    }

    public static JsonObject error(String code, String detail) {
        JsonObject json = new JsonObject();
        json.addProperty("error", code);
        json.addProperty("detail", detail);
        return json;
    }
}
