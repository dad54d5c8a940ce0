package org.postguard.guidance;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The medical defence organisation whose advice the warnings point to. Configuration, not code:
 * read from {@code organisation.properties} (bundled, or a file given with {@code --organisation}).
 */
public record Organisation(String name, String shortName, String adviceUrl, List<Contact> contacts) {

    /** A way to reach the organisation, e.g. "Advisory helpline", "0800 716 646". */
    public record Contact(String label, String value) {
    }

    public Organisation {
        contacts = List.copyOf(contacts);
    }

    /** Reads {@code name}, {@code shortName}, {@code adviceUrl} and {@code <contact>}/{@code <contact>Label} pairs. */
    public static Organisation parse(String propertiesText) {
        Properties p = new Properties();
        try (Reader reader = new StringReader(propertiesText)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = required(p, "name");
        List<Contact> contacts = new ArrayList<>();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            if (key.endsWith("Label")) {
                String valueKey = key.substring(0, key.length() - "Label".length());
                String value = p.getProperty(valueKey);
                if (value != null && !value.isBlank()) {
                    contacts.add(new Contact(p.getProperty(key).strip(), value.strip()));
                }
            }
        }
        return new Organisation(name, p.getProperty("shortName", name).strip(), required(p, "adviceUrl"), contacts);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("organisation settings need '" + key + "'");
        }
        return value.strip();
    }
}
